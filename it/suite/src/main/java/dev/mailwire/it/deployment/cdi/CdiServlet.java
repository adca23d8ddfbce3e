package dev.mailwire.it.deployment.cdi;

import dev.mailwire.it.deployment.Failures;
import dev.mailwire.it.deployment.ThreadCensus;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The tests' door: {@code POST cdi/send} (via=ejb|bean, count, to, subject), {@code POST cdi/tx} (outcome=commit|
 * rollback-only|exception, to, subject; answers the outcome the caller saw) and {@code GET cdi/threads}.
 */
@WebServlet("/cdi/*")
public class CdiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private EjbSender ejb;

    @Inject
    private BeanSender bean;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String to = request.getParameter("to");
        String subject = request.getParameter("subject");
        try {
            String answer = switch (String.valueOf(request.getPathInfo())) {
                case "/send" -> Integer.toString(send(request, to, subject));
                case "/tx" -> transaction(request.getParameter("outcome"), to, subject);
                default -> throw new IllegalArgumentException("no such action: " + request.getPathInfo());
            };
            response.getWriter().println(answer);
        } catch (RuntimeException e) {
            Failures.answer(response, e);
        }
    }

    private int send(HttpServletRequest request, String to, String subject) {
        int count = Integer.parseInt(request.getParameter("count"));
        return "bean".equals(request.getParameter("via"))
                ? bean.send(count, to, subject)
                : ejb.send(count, to, subject);
    }

    private String transaction(String outcome, String to, String subject) {
        switch (outcome) {
            case "commit" -> ejb.sendAndCommit(to, subject);
            case "rollback-only" -> ejb.sendAndSetRollbackOnly(to, subject);
            case "exception" -> {
                try {
                    ejb.sendAndThrow(to, subject);
                } catch (jakarta.ejb.EJBException expected) {
                    return "rolled back: " + expected.getCause().getMessage();
                }
            }
            default -> throw new IllegalArgumentException("no such outcome: " + outcome);
        }
        return outcome;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/threads".equals(request.getPathInfo())) {
            response.getWriter().println(String.join(",", ThreadCensus.mailwireThreads()));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
