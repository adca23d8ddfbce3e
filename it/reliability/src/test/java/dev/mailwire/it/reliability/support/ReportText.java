package dev.mailwire.it.reliability.support;

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
        for (Properties s : sections) {
            for (Matrix m : Matrix.values()) {
                String v = s.getProperty("count." + m.name());
                if (v != null) {
                    totals.merge(m, Long.parseLong(v), Long::sum);
                }
            }
            seconds += Double.parseDouble(s.getProperty("seconds", "0"));
        }
        StringBuilder b = new StringBuilder();
        b.append("# Reliability: faults, stalls and hostile input\n\n")
                .append("<!-- Written by the reliability suite (it/reliability); do not edit by hand. -->\n\n")
                .append("Mailwire's fault and security matrix, run together under load by the suite in ")
                .append("`it/reliability`: a real Postfix restarted under a steady transactional load, application ")
                .append("JVMs killed with SIGKILL, stalled, throttling and hostile servers, hostile input. Every ")
                .append("figure below is asserted by the suite; a build where one is off fails.\n\n")
                .append("This report is from the **")
                .append(soak.name())
                .append("** variant (")
                .append(soak.restarts())
                .append(" restarts, ")
                .append(soak.kills())
                .append(" kills; the sections took ")
                .append(Math.round(seconds))
                .append(" s).\n\n")
                .append("- CI variant (every build, `.ci/run`): `./mvnw -B -f it/reliability/pom.xml verify`, ")
                .append("writes `it/reliability/target/reliability.md`.\n")
                .append("- Full soak (100 restarts, 20 kills): `./mvnw -B -f it/reliability/pom.xml verify ")
                .append("-Dreliability.soak=full`, writes `docs/reliability.md`.\n\n")
                .append("Needs root (the private Postfix) and PostgreSQL on 127.0.0.1:5432 (trust, database ")
                .append("`test`).\n\n## Summary\n\n| must show | figure | value |\n|---|---|---|\n");
        for (Matrix m : Matrix.values()) {
            b.append("| ")
                    .append(m.mustShow())
                    .append(" | ")
                    .append(m.label())
                    .append(" | ")
                    .append(totals.getOrDefault(m, 0L))
                    .append(" |\n");
        }
        for (Properties s : sections) {
            b.append("\n## ")
                    .append(s.getProperty("title"))
                    .append("\n\n_Measured ")
                    .append(s.getProperty("measured"))
                    .append(", ")
                    .append(s.getProperty("seconds"))
                    .append(" s._\n\n| figure | value | how it was measured |\n|---|---|---|\n")
                    .append(s.getProperty("figures"))
                    .append('\n')
                    .append(s.getProperty("notes"));
        }
        return b.toString().stripTrailing() + "\n";
    }
}
