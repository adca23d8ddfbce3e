package dev.mailwire.it.reliability.stalls;

import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.Faults;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The stalls a server can put a client in, each with the timeout that must end it. All but the silent one strike a
 * pool already warmed by a healthy run, so they hit reused connections as well as new ones; a silent server only
 * ever affects new connections.
 */
enum Stall {
    SILENT("silent: accepts TCP, never greets", Faults.silent(), 1, false, EnumSet.of(Ending.READ_TIMEOUT)),
    TRICKLING(
            "trickling: every reply one byte per 400 ms",
            Faults.trickle(Duration.ofMillis(400)),
            1,
            true,
            EnumSet.of(Ending.SEND_TIMEOUT)),
    BLACK_HOLE(
            "black hole: answers nothing from MAIL FROM on",
            Faults.blackHoleAt("MAIL"),
            1,
            true,
            EnumSet.of(Ending.READ_TIMEOUT)),
    NOT_READING(
            "not reading: stops reading after DATA's 354 (8 MB message)",
            Faults.stopReadingDuringData(),
            8 * 1024 * 1024,
            true,
            // A blocked write ends by read-timeout (Angus's write timeout), unless rendering 8 MB from 8 threads on a
            // busy 2-core machine has used up send-timeout before the first write blocks.
            EnumSet.of(Ending.READ_TIMEOUT, Ending.SEND_TIMEOUT)),
    FINAL_DOT_UNANSWERED(
            "never answers the final dot",
            Faults.neverAnswerFinalDot(),
            1,
            true,
            EnumSet.of(Ending.READ_TIMEOUT_AFTER_DOT));

    final String description;
    final Behaviour behaviour;
    final int bodyBytes;
    final boolean warm;
    /** The bounds that end the stalled sends themselves: at least one send ends by one of them. */
    final Set<Ending> endedBy;

    Stall(String description, Behaviour behaviour, int bodyBytes, boolean warm, Set<Ending> endedBy) {
        this.description = description;
        this.behaviour = behaviour;
        this.bodyBytes = bodyBytes;
        this.warm = warm;
        this.endedBy = endedBy;
    }

    /**
     * The endings a send may have: {@link #endedBy}, and, with 8 callers on 4 connections, the wait for a connection
     * (pool.acquire-timeout) and the back-off window a timed-out connect opens on the callers behind it. Against a
     * server that never answers a final dot, also read-timeout before any content: with every connection busy, the
     * embedded pool relays a connection to a waiting caller, whose envelope goes out with the previous mail's final
     * dot, and whose own replies then never come either (its mail was not sent, so its caller may simply retry).
     */
    Set<Ending> allowed() {
        Set<Ending> all = EnumSet.copyOf(endedBy);
        all.add(Ending.ACQUIRE_TIMEOUT);
        all.add(Ending.BACK_OFF);
        if (this == FINAL_DOT_UNANSWERED) {
            all.add(Ending.READ_TIMEOUT);
        }
        return all;
    }

    static String labels(Set<Ending> endings) {
        return endings.stream().map(e -> e.label).collect(java.util.stream.Collectors.joining(" or "));
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
