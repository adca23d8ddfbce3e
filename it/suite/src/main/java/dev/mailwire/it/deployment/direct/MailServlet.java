package dev.mailwire.it.deployment.direct;

import dev.mailwire.it.deployment.Failures;
import dev.mailwire.it.deployment.ThreadCensus;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * The tests' door into the application: {@code POST mail/send} (mailer, count, to, subject),
 * {@code POST mail/alternate} (mailers, rounds, to), {@code GET mail/threads} (the names of {@code mailwire-*}
 * threads) and {@code GET mail/all-threads} (how many threads the server runs). A failure answers 500 with the
 * exception, so the test shows the server's reason.
 */
@WebServlet("/mail/*")
public class MailServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private DirectSender sender;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String to = request.getParameter("to");
            int sent = switch (String.valueOf(request.getPathInfo())) {
                case "/send" ->
                    sender.send(
                            request.getParameter("mailer"),
                            Integer.parseInt(request.getParameter("count")),
                            to,
                            request.getParameter("subject"));
                case "/alternate" ->
                    sender.alternate(
                            Arrays.asList(request.getParameter("mailers").split(",")),
                            Integer.parseInt(request.getParameter("rounds")),
                            to);
                default -> throw new IllegalArgumentException("no such action: " + request.getPathInfo());
            };
            response.getWriter().println(sent);
        } catch (RuntimeException e) {
            Failures.answer(response, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/threads".equals(request.getPathInfo())) {
            response.getWriter().println(String.join(",", ThreadCensus.mailwireThreads()));
        } else if ("/all-threads".equals(request.getPathInfo())) {
            response.getWriter().println(ThreadCensus.allThreads());
        } else if ("/thread-families".equals(request.getPathInfo())) {
            response.getWriter().println(ThreadCensus.families());
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
