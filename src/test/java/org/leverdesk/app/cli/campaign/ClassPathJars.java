package org.leverdesk.app.cli.campaign;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The class path with each folder (target/classes, target/test-classes) packed into a jar: the JVM's
 * class-data archive, which halves a child's start-up CPU, only covers a class path of jars.
 */
final class ClassPathJars {
    private ClassPathJars() {
    }

    static String of(String classPath, Path into) throws IOException {
        Files.createDirectories(into);
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                Path jar = into.resolve((n++) + "-" + p.getFileName() + ".jar");
                pack(p, jar);
                out.add(jar.toString());
            } else if (!entry.isEmpty()) {
                out.add(entry);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static void pack(Path dir, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(file);
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = dir.relativize(f).toString().replace(File.separatorChar, '/');
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(f)) {
                    zip.putNextEntry(new JarEntry(name + "/"));
                } else {
                    zip.putNextEntry(new JarEntry(name));
                    Files.copy(f, zip);
                }
                zip.closeEntry();
            }
        }
    }
}
