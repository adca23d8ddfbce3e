package dev.mailwire.bench.harness;

import dev.mailwire.bench.server.Target;

/**
 * One measured configuration: a client kind against a server, with a message size and a number of sending
 * threads, and how long to measure it.
 *
 * @param variant empty, or what this run changes compared to the same scenario without it (a system property)
 */
public record Scenario(String client, Target target, Payload payload, int threads, Timing timing, String variant) {

    public Scenario(String client, Target target, Payload payload, int threads, Timing timing) {
        this(client, target, payload, threads, timing, "");
    }

    public String name() {
        return client + " ×" + threads + " → " + target.key() + ", " + payload.label()
                + (variant.isEmpty() ? "" : " [" + variant + "]");
    }
}
