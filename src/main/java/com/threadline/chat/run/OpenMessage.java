package com.threadline.chat.run;

import com.threadline.chat.thread.MessageView;

/** The reply a run is writing and the {@code message_creation} step that holds it. */
public record OpenMessage(MessageView message, RunStepView step) {
}
