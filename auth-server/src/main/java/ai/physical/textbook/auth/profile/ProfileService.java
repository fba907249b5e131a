package ai.physical.textbook.auth.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import ai.physical.textbook.auth.audit.DataChangeEvent;

/**
 * Reads and changes profiles.
 *
 * <ul>
 * <li>Reads go through the Redis cache ({@code textbook:profile:<userId>}, 1 h); a miss runs the single JOIN query and
 * fills the cache.</li>
 * <li>A change is validated, then written in one transaction over {@code profiles}, {@code software_backgrounds}
 * and {@code hardware_backgrounds} under row-level security as the acting user. After the commit the cache entry is
 * evicted, {@link ProfileChanged} is published (relayed to Redis pub/sub) and one {@link DataChangeEvent} per table
 * goes to the audit log with old and new values.</li>
 * </ul>
 */
@Service
public class ProfileService {

	private final ProfileRepository repository;

	private final ProfileCache cache;

	private final RowSecurity rowSecurity;

	private final ApplicationEventPublisher events;

	ProfileService(ProfileRepository repository, ProfileCache cache, RowSecurity rowSecurity,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.cache = cache;
		this.rowSecurity = rowSecurity;
		this.events = events;
	}

	/**
	 * The complete profile for system paths (token claims): cached, read as the table owner without row-level
	 * security. Empty when the user does not exist.
	 */
	public Optional<CompleteProfile> findComplete(UUID userId) {
		Optional<CompleteProfile> cached = this.cache.get(userId);
		if (cached.isPresent()) {
			return cached;
		}
		Optional<CompleteProfile> profile = this.repository.findComplete(userId);
		profile.ifPresent(this.cache::put);
		return profile;
	}

	/**
	 * Drops the cached profile of a user after a change made outside this service (a role granted at startup), so
	 * that the next read, token or userinfo answer sees it.
	 */
	public void evict(UUID userId) {
		this.cache.evict(userId);
	}

	/**
	 * The complete profile on a user-facing path: cached, and on a miss read under row-level security as
	 * {@code actor}. The caller has already applied its policy (self or admin); RLS is the second wall.
	 */
	public Optional<CompleteProfile> read(Actor actor, UUID userId) {
		Optional<CompleteProfile> cached = this.cache.get(userId);
		if (cached.isPresent()) {
			return cached;
		}
		Optional<CompleteProfile> profile = this.rowSecurity.run(actor, () -> this.repository.findComplete(userId));
		// Only a profile read by its owner or an admin is complete enough to share through the cache.
		if (actor.admin() || actor.userId().equals(userId)) {
			profile.ifPresent(this.cache::put);
		}
		return profile;
	}

	/**
	 * Validates and saves both backgrounds of {@code userId} as {@code actor}.
	 * @throws InvalidProfileException with every broken rule; nothing is written then
	 * @throws java.util.NoSuchElementException when the user does not exist
	 */
	public CompleteProfile save(Actor actor, UUID userId, ProfileUpdate update) {
		ProfileUpdate normalized = ProfileValidator.normalize(update);
		List<FieldError> errors = ProfileValidator.validate(normalized);
		if (!errors.isEmpty()) {
			throw new InvalidProfileException(errors);
		}
		SoftwareBackground software = normalized.softwareBackground();
		HardwareBackground hardware = normalized.hardwareBackground();
		boolean complete = CompleteProfile.isComplete(software, hardware);
		Saved saved = this.rowSecurity.run(actor, () -> {
			CompleteProfile before = this.repository.findComplete(userId).orElseThrow();
			ProfileRepository.SavedRows rows = this.repository.save(userId, software, hardware, complete);
			CompleteProfile after = this.repository.findComplete(userId).orElseThrow();
			return new Saved(before, after, rows);
		});
		this.cache.evict(userId);
		this.events.publishEvent(new ProfileChanged(userId, complete, complete && !saved.before().profileComplete()));
		audit(actor, saved);
		return saved.after();
	}

	private record Saved(CompleteProfile before, CompleteProfile after, ProfileRepository.SavedRows rows) {
	}

	private void audit(Actor actor, Saved saved) {
		Instant now = Instant.now();
		CompleteProfile before = saved.before();
		CompleteProfile after = saved.after();
		boolean existed = before.profileId() != null;
		List<DataChangeEvent> changes = new ArrayList<>();
		changes.add(new DataChangeEvent(actor.userId(), existed ? "UPDATE" : "INSERT", "profiles",
				saved.rows().profileId().toString(),
				existed ? Map.of("profileComplete", before.profileComplete()) : null,
				Map.of("profileComplete", after.profileComplete()), now));
		changes.add(new DataChangeEvent(actor.userId(), existed ? "UPDATE" : "INSERT", "software_backgrounds",
				saved.rows().softwareId().toString(), existed ? software(before.softwareBackground()) : null,
				software(after.softwareBackground()), now));
		changes.add(new DataChangeEvent(actor.userId(), existed ? "UPDATE" : "INSERT", "hardware_backgrounds",
				saved.rows().hardwareId().toString(), existed ? hardware(before.hardwareBackground()) : null,
				hardware(after.hardwareBackground()), now));
		changes.forEach(this.events::publishEvent);
	}

	private static Map<String, Object> software(SoftwareBackground software) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("programmingLanguages", software.programmingLanguages());
		values.put("frameworks", software.frameworks());
		values.put("experienceLevel", software.experienceLevel());
		values.put("specializations", software.specializations());
		values.put("yearsOfExperience", software.yearsOfExperience());
		return values;
	}

	private static Map<String, Object> hardware(HardwareBackground hardware) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("familiarPlatforms", hardware.familiarPlatforms());
		values.put("roboticsExperience", hardware.roboticsExperience());
		values.put("electronicsKnowledge", hardware.electronicsKnowledge());
		values.put("preferredTools", hardware.preferredTools());
		return values;
	}

}
