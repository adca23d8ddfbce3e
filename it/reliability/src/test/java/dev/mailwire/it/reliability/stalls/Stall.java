package dev.mailwire.it.reliability.stalls;

import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.Faults;
import java.time.Duration;

/**
 * The stalls a server can put a client in, each with the timeout that must end it. All but the silent one strike a
 * pool already warmed by a healthy run, so they hit reused connections as well as new ones; a silent server only
 * ever affects new connections.
 */
enum Stall {
    SILENT("silent: accepts TCP, never greets", Faults.silent(), 1, false, "read-timeout"),
    TRICKLING(
            "trickling: every reply one byte per 400 ms",
            Faults.trickle(Duration.ofMillis(400)),
            1,
            true,
            "send-timeout"),
    BLACK_HOLE("black hole: answers nothing from MAIL FROM on", Faults.blackHoleAt("MAIL"), 1, true, "read-timeout"),
    NOT_READING(
            "not reading: stops reading after DATA's 354 (8 MB message)",
            Faults.stopReadingDuringData(),
            8 * 1024 * 1024,
            true,
            "read-timeout (as write timeout)"),
    FINAL_DOT_UNANSWERED(
            "never answers the final dot", Faults.neverAnswerFinalDot(), 1, true, "read-timeout, after the dot");

    final String description;
    final Behaviour behaviour;
    final int bodyBytes;
    final boolean warm;
    final String endedBy;

    Stall(String description, Behaviour behaviour, int bodyBytes, boolean warm, String endedBy) {
        this.description = description;
        this.behaviour = behaviour;
        this.bodyBytes = bodyBytes;
        this.warm = warm;
        this.endedBy = endedBy;
    }

    /**
     * Whether the fake server notices at once when the client closes: not while it is busy trickling a reply or has
     * stopped reading, so there the pool's own count of live connections stands in for the server's.
     */
    boolean serverSeesCloses() {
        return this != NOT_READING && this != TRICKLING;
    }

    /** Whether preparing and writing the mail is itself work worth adding to the bound (the 8 MB one). */
    boolean large() {
        return bodyBytes > 1024 * 1024;
    }

    /** A body of about {@link #bodyBytes}, in 78-character lines. */
    String body() {
        String line = "x".repeat(76) + "\r\n";
        return line.repeat(Math.max(1, bodyBytes / line.length()));
    }
}
