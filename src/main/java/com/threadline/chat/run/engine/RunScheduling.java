package com.threadline.chat.run.engine;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduler the run sweeper's heartbeat and sweeps run on. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RunScheduling {

}
