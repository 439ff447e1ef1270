package dev.pilothouse.desktop.cli;

import dev.pilothouse.core.audit.AuditExport;
import dev.pilothouse.core.audit.AuditLog;
import dev.pilothouse.core.audit.AuditVerifier;
import dev.pilothouse.core.settings.AppDirs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code pilothouse audit verify [DIR]} and {@code pilothouse audit export [DIR] [--since YYYY-MM-DD]}: headless,
 * no JavaFX. Exit codes: 0 intact (or exported), 1 broken chain or unreadable log, 2 usage error.
 */
public final class AuditCommand {

    static final String USAGE = "usage: pilothouse audit verify [DIR] | pilothouse audit export [DIR] [--since YYYY-MM-DD]";

    private final PrintStream out;
    private final PrintStream err;
    private final Path defaultDir;

    public AuditCommand(PrintStream out, PrintStream err, Path defaultDir) {
        this.out = out;
        this.err = err;
        this.defaultDir = defaultDir;
    }

    /** The command over the user's own audit directory. */
    public static AuditCommand forCurrentUser() {
        return new AuditCommand(System.out, System.err, AuditLog.defaultDirectory(AppDirs.forCurrentUser()));
    }

    /** Runs with the arguments after {@code audit}; returns the exit status. */
    public int run(List<String> args) {
        if (args.isEmpty()) {
            return usage("audit needs a subcommand: verify or export");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "verify" -> verify(rest);
            case "export" -> export(rest);
            case "--help", "-h" -> {
                out.println(USAGE);
                yield 0;
            }
            default -> usage("unknown audit subcommand '" + args.getFirst() + "' (verify or export)");
        };
    }

    private int verify(List<String> args) {
        if (args.size() > 1 || args.stream().anyMatch(a -> a.startsWith("-"))) {
            return usage("audit verify takes one optional directory, got " + String.join(" ", args));
        }
        Path dir = args.isEmpty() ? defaultDir : Path.of(args.getFirst());
        AuditVerifier.VerificationReport report;
        try {
            report = AuditVerifier.verify(dir);
        } catch (IOException e) {
            err.println("pilothouse: could not read the audit log in " + dir + ": " + e.getMessage());
            return 1;
        }
        if (report.problem().isPresent()) {
            err.println("pilothouse: " + report.problem().get());
            err.println("pilothouse: " + report.summary());
            return 1;
        }
        String torn = report.tornTails().isEmpty() ? "" : "; " + report.tornTails().size()
                + " torn tail(s) moved aside, first at " + report.tornTails().getFirst().file() + ":"
                + report.tornTails().getFirst().line();
        out.println(report.summary() + torn);
        return 0;
    }

    private int export(List<String> args) {
        Path dir = null;
        LocalDate since = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String inline = arg.startsWith("--since=") ? arg.substring("--since=".length()) : null;
            if (arg.equals("--since") || inline != null) {
                String value = inline != null ? inline : i + 1 < args.size() ? args.get(++i) : null;
                if (value == null) {
                    return usage("--since needs a date like 2026-01-31");
                }
                try {
                    since = LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    return usage("--since needs a date like 2026-01-31, was '" + value + "'");
                }
            } else if (arg.startsWith("-")) {
                return usage("unknown option " + arg + " for audit export");
            } else if (dir == null) {
                dir = Path.of(arg);
            } else {
                return usage("audit export takes one directory, got another: '" + arg + "'");
            }
        }
        Path from = dir == null ? defaultDir : dir;
        try {
            AuditExport.Result result = AuditExport.copy(from, since, out);
            result.skipped().forEach(s -> err.println("pilothouse: " + s));
        } catch (IOException e) {
            err.println("pilothouse: could not read the audit log in " + from + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private int usage(String message) {
        // One line, as for every usage error of the command line.
        err.println("pilothouse: " + message + " (" + USAGE + ")");
        return 2;
    }
}
