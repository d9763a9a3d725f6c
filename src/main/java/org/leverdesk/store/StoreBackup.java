package org.leverdesk.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One backup of the store: a zip file holding {@code leverdesk.mv.db}, named
 * {@code leverdesk-<UTC time>-<reason>[-<n>].zip}.
 *
 * @param reason why it was taken: {@code daily}, {@code manual}, {@code before-v7} (a schema upgrade),
 *               {@code before-restore}, {@code unusable} (a store set aside because it could not be used)
 */
public record StoreBackup(Path file, Instant takenAt, String reason, int sequence, long size) {
}
