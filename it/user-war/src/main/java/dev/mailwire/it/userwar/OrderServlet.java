package dev.mailwire.it.userwar;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The tests' door: {@code POST orders/place} (to, subject, cancel=true|false) and {@code POST orders/notify} (to,
 * subject; answers the name of the thread that completed the asynchronous send). Failures answer 500 with the
 * exception, so the test shows the server's reason.
 */
@WebServlet("/orders/*")
public class OrderServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private Orders orders;

    @Inject
    private Notifications notifications;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String to = request.getParameter("to");
        String subject = request.getParameter("subject");
        try {
            String answer = switch (String.valueOf(request.getPathInfo())) {
                case "/place" -> {
                    orders.place(to, subject, Boolean.parseBoolean(request.getParameter("cancel")));
                    yield "placed";
                }
                case "/notify" ->
                    notifications.notifyAsync(to, subject).toCompletableFuture().get(60, TimeUnit.SECONDS);
                default -> throw new IllegalArgumentException("no such action: " + request.getPathInfo());
            };
            response.getWriter().println(answer);
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            e.printStackTrace(response.getWriter());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
