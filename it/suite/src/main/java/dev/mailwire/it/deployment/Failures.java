package dev.mailwire.it.deployment;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Answers 500 with the whole stack trace: the test prints it, which beats digging in the server log. */
public final class Failures {

    private Failures() {}

    public static void answer(HttpServletResponse response, Throwable failure) throws IOException {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("text/plain");
        response.getWriter().print(trace);
    }
}
