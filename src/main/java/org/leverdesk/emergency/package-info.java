/**
 * The one emergency path: halt first, cancel every open order, close every position, re-read the
 * broker until flat or a time limit passes, journal every step, notify, and report exactly what
 * happened. The window's Close all, {@code leverdesk close-all} and {@code force-exit}, the daemon's
 * control channel and (later) chat commands all call {@link org.leverdesk.emergency.EmergencyExit}.
 */
package org.leverdesk.emergency;
