package com.threadline.chat.stream;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduler that drops expired streams. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class StreamScheduling {

}
