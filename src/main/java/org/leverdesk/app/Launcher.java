package org.leverdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Entry point of {@code leverdesk.jar}. Compiled for Java 11 so that {@code java -jar} works even
 * when the default {@code java} is older than 21 (as on machines with Java 17 on the PATH and a
 * newer JDK beside it): it then re-runs the program with the newest installed JDK 21+ found in
 * {@code JAVA_HOME} or the usual JVM folders. It does not extend {@code Application}, so JavaFX
 * loads from the class path.
 */
public final class Launcher {
    private static final int REQUIRED = 21;
    private static final String MAIN = "org.leverdesk.app.Main";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() >= REQUIRED) {
            Class.forName(MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
            return;
        }
        Optional<Path> java = findJava();
        if (java.isEmpty()) {
            System.err.println("error: Leverdesk needs Java " + REQUIRED + " or newer, but this is Java "
                    + Runtime.version().feature() + " and no JDK " + REQUIRED + "+ was found in JAVA_HOME or /usr/lib/jvm;"
                    + " install one (e.g. apt-get install openjdk-21-jre) or set JAVA_HOME to it.");
            System.exit(2);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.get().toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        System.exit(p.waitFor());
    }

    private static Optional<Path> findJava() {
        List<Path> homes = new ArrayList<>();
        String env = System.getenv("JAVA_HOME");
        if (env != null && !env.isBlank()) {
            homes.add(Paths.get(env));
        }
        for (String root : new String[] {"/usr/lib/jvm", "/usr/java", "/opt/java", "/Library/Java/JavaVirtualMachines"}) {
            Path dir = Paths.get(root);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.sorted().forEach(p -> {
                        homes.add(p);
                        homes.add(p.resolve("Contents/Home"));
                    });
                } catch (IOException ignored) {
                    // an unreadable folder simply holds no usable JDK
                }
            }
        }
        Path best = null;
        int bestVersion = 0;
        for (Path home : homes) {
            int v = featureVersion(home);
            Path exe = home.resolve("bin/java");
            if (v >= REQUIRED && v > bestVersion && Files.isExecutable(exe)) {
                best = exe;
                bestVersion = v;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Reads JAVA_VERSION="25.0.3" from a JDK's release file; 0 when absent. */
    private static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring(13).replace("\"", "");
                    String major = v.startsWith("1.") ? v.substring(2) : v;
                    return Integer.parseInt(major.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not a JDK we can read
        }
        return 0;
    }
}
