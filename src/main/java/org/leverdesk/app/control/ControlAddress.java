package org.leverdesk.app.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Where the control channel of a store listens: a Unix domain socket {@code control/leverdesk.sock} in
 * the data folder, inside a folder only its owner may enter (mode 700), so no other user of the machine
 * can connect, and nothing on the network can (see docs/decisions/0006-control-channel.md). Socket paths
 * are limited to about 100 bytes; a data folder deeper than that gets its socket in a user-only folder
 * under the temporary directory, named after a hash of the data folder, which client and server compute
 * alike.
 */
public final class ControlAddress {
    /** The folder in the data folder that holds the socket. */
    public static final String FOLDER = "control";
    /** The socket's file name. */
    public static final String FILE = "leverdesk.sock";
    // sun_path is 108 bytes on Linux and 104 on macOS; stay below both.
    private static final int MAX_SOCKET_PATH = 100;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private ControlAddress() {
    }

    /** The socket of the store in {@code dataDir}. */
    public static Path socket(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path inData = dir.resolve(FOLDER).resolve(FILE);
        if (inData.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
            return inData;
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "leverdesk-" + user, hash(dir.toString()) + ".sock");
    }

    /**
     * Creates the socket's folder readable by its owner only (or tightens an existing one), and refuses a
     * folder another user owns: a socket there could be replaced by theirs.
     */
    static void prepareFolder(Path folder) throws IOException {
        if (!posix()) {
            Files.createDirectories(folder);
            return;
        }
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // created meanwhile; checked below
            }
        }
        UserPrincipal owner = Files.getOwner(folder);
        UserPrincipal me = folder.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!owner.equals(me)) {
            throw new IOException(folder + " belongs to " + owner.getName() + ", not to " + me.getName()
                    + "; remove it so Leverdesk can create its own");
        }
        Files.setPosixFilePermissions(folder, OWNER_ONLY);
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
