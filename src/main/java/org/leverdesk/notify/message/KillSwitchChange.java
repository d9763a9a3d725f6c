package org.leverdesk.notify.message;

import java.time.Instant;

/** The kill switch was engaged or released: by whom (the user, a risk limit...), why, when. */
public record KillSwitchChange(boolean engaged, String by, String reason, Instant time) {
}
