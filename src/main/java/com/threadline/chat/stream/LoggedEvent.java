package com.threadline.chat.stream;

/**
 * One event of a stream as the log keeps it.
 *
 * @param seq its position in the stream, from 1, without gaps
 * @param event the event name, such as {@code thread.message.delta}
 * @param data the payload, already serialized (one line of JSON, or {@code [DONE]})
 */
public record LoggedEvent(long seq, String event, String data) {
}
