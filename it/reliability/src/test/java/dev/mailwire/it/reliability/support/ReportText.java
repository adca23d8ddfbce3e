package dev.mailwire.it.reliability.support;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Renders the report's Markdown from the sections' fragments. */
final class ReportText {

    private ReportText() {}

    static String render(Soak soak, List<Properties> sections) {
        Map<Matrix, Long> totals = new EnumMap<>(Matrix.class);
        double seconds = 0;
        long asserted = 0;
        long measured = 0;
        List<String> failed = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        for (Properties s : sections) {
            for (Matrix m : Matrix.values()) {
                String v = s.getProperty("count." + m.name());
                if (v != null) {
                    totals.merge(m, Long.parseLong(v), Long::sum);
                }
            }
            seconds += Double.parseDouble(s.getProperty("seconds", "0"));
            asserted += Long.parseLong(s.getProperty("asserted", "0"));
            measured += Long.parseLong(s.getProperty("measuredOnly", "0"));
            if (!Boolean.parseBoolean(s.getProperty("finished"))) {
                unfinished.add(s.getProperty("title"));
            }
            for (String f : s.getProperty("failed", "").split("\n")) {
                if (!f.isBlank()) {
                    failed.add(s.getProperty("title") + ": " + f);
                }
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("# Reliability: faults, stalls and hostile input\n\n")
                .append("<!-- Written by the reliability suite (it/reliability); do not edit by hand. -->\n\n")
                .append("Mailwire's fault and security matrix, run together under load by the suite in ")
                .append("`it/reliability`: a real Postfix restarted under a steady transactional load, application ")
                .append("JVMs killed with SIGKILL, stalled, throttling and hostile servers, hostile input. Each ")
                .append("figure says how it is checked: **asserted (bound …)** — the suite compares it with that ")
                .append("bound, marks it FAILED here when it is outside, and fails the build — or **measured, not ")
                .append("asserted**, a figure reported for the reader that no assertion covers. Every mailer runs ")
                .append("with its settings' defaults unless a section says otherwise, so with `pipelining` on: ")
                .append("Postfix and the fake servers offer PIPELINING, and the fake-server sections assert that no ")
                .append("envelope went out lock-step.\n\n")
                .append("This report is from the **")
                .append(soak.name())
                .append("** variant (")
                .append(soak.restarts())
                .append(" restarts, ")
                .append(soak.kills())
                .append(" kills; the sections took ")
                .append(Math.round(seconds))
                .append(" s).\n\n")
                .append(verdict(asserted, measured, failed, unfinished))
                // -am builds the modules under test from the same tree; -f alone would test whatever snapshot
                // jars the local repository holds.
                .append("- CI variant (every build, `.ci/run`): `./mvnw -B -pl it/reliability -am verify`, ")
                .append("writes `it/reliability/target/reliability.md`.\n")
                .append("- Full soak (100 restarts, 20 kills): `./mvnw -B -pl it/reliability -am verify ")
                .append("-Dreliability.soak=full`, writes `docs/reliability.md`.\n\n")
                .append("Needs root (the private Postfix) and PostgreSQL on 127.0.0.1:5432 (trust, database ")
                .append("`test`).\n\n## Summary\n\n")
                .append("| must show | figure | value | check |\n|---|---|---|---|\n");
        for (Matrix m : Matrix.values()) {
            b.append("| ")
                    .append(m.mustShow())
                    .append(" | ")
                    .append(m.label())
                    .append(" | ")
                    .append(totals.getOrDefault(m, 0L))
                    .append(" | ")
                    .append(
                            m.mustBeZero()
                                    ? "asserted (bound = 0 in every section that counts it)"
                                    : "a total: each section asserts its own part against its bound (see there)")
                    .append(" |\n");
        }
        for (Properties s : sections) {
            b.append("\n## ").append(s.getProperty("title")).append("\n\n");
            if (!Boolean.parseBoolean(s.getProperty("finished"))) {
                b.append("**DID NOT FINISH**: started ")
                        .append(s.getProperty("measured"))
                        .append(", the test ended before it filed its figures (see its test report).\n\n");
                continue;
            }
            b.append("_Measured ")
                    .append(s.getProperty("measured"))
                    .append(", ")
                    .append(s.getProperty("seconds"))
                    .append(" s._\n\n| figure | value | check | how it was measured |\n|---|---|---|---|\n")
                    .append(s.getProperty("figures"))
                    .append('\n')
                    .append(s.getProperty("notes"));
        }
        return b.toString().stripTrailing() + "\n";
    }

    private static String verdict(long asserted, long measured, List<String> failed, List<String> unfinished) {
        StringBuilder v = new StringBuilder();
        if (failed.isEmpty() && unfinished.isEmpty()) {
            v.append("**Result: every asserted figure held** (")
                    .append(asserted)
                    .append(" asserted, ")
                    .append(measured)
                    .append(" measured only).\n\n");
            return v.toString();
        }
        v.append("**Result: FAILED** (")
                .append(asserted)
                .append(" asserted, ")
                .append(measured)
                .append(" measured only):\n\n");
        failed.forEach(f -> v.append("- ").append(f).append('\n'));
        unfinished.forEach(t -> v.append("- ").append(t).append(": did not finish\n"));
        return v.append('\n').toString();
    }
}
