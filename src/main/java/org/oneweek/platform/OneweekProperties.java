package org.oneweek.platform;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings that apply across modules.
 *
 * @param zone the district's time zone: weeks, days and deadlines are counted in it
 */
@ConfigurationProperties("oneweek")
public record OneweekProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {

}
