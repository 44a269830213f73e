package org.oneweek.bulletin;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bulletin board.
 *
 * @param publicUrl the address villagers reach the site at (printed in QR codes), e.g.
 * {@code https://oneweek.example.gov.cn}; when empty, the address of the request
 * @param boardFreshFor how long a rendered board is served before it is rendered again (a
 * change on another instance shows after at most this long)
 * @param followUpsPerAddressPer10Minutes follow-ups one address may send in 10 minutes
 * @param followUpsPerAddressPerDay follow-ups one address may send in 24 hours
 * @param followUpsPerCasePerHour follow-ups one case may receive in an hour
 * @param jurisdiction the code of the district Open311 serves when a request names none
 * (needed only when the database holds several districts)
 */
@ConfigurationProperties("oneweek.bulletin")
public record BulletinProperties(@Nullable String publicUrl, @DefaultValue("2s") Duration boardFreshFor,
		@DefaultValue("5") int followUpsPerAddressPer10Minutes, @DefaultValue("20") int followUpsPerAddressPerDay,
		@DefaultValue("10") int followUpsPerCasePerHour, @Nullable String jurisdiction) {

}
