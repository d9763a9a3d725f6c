package org.leverdesk.chat;

/**
 * One message that may be a command.
 *
 * @param transport  "Telegram" or "Discord"
 * @param senderId   who is asking: the Telegram chat id, the Discord user id (what the allow-list holds)
 * @param senderName a name for the journal (username), or empty
 * @param text       the command as typed, e.g. "/status", "/closeall", "/confirm 482913", "report weekly"
 */
public record ChatRequest(String transport, String senderId, String senderName, String text) {
    public ChatRequest {
        senderName = senderName == null ? "" : senderName;
        text = text == null ? "" : text.strip();
    }

    /** "Telegram 12345 (alice)" for the journal. */
    public String who() {
        return transport + " " + senderId + (senderName.isBlank() ? "" : " (" + senderName + ")");
    }
}
