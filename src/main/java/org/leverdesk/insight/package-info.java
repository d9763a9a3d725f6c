/**
 * Read models over the strategies for people: what the regime strategy would do if run now, and its
 * regime history with the positions a backtest held. No JavaFX; used by the CLI and the UI.
 */
package org.leverdesk.insight;
