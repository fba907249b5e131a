package ai.physical.textbook.auth.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Batch inserts into {@code identity.auth_logs}, {@code identity.audit_logs} and {@code identity.authz_logs}. Values are
 * trimmed to their column sizes and an IP that is not an address literal is stored as null, so one odd event cannot
 * fail a whole batch.
 */
@Repository
class AuditRepository {

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private static final String INSERT_AUTH = """
			INSERT INTO identity.auth_logs (user_id, email, event, ip_address, user_agent, success, failure_reason,
			                                "timestamp")
			VALUES (:userId, :email, :event, CAST(:ip AS inet), :userAgent, :success, :failureReason, :occurredAt)
			""";

	private static final String INSERT_CHANGE = """
			INSERT INTO identity.audit_logs (user_id, operation, table_name, record_id, old_values, new_values,
			                                 "timestamp")
			VALUES (:userId, :operation, :tableName, :recordId, CAST(:oldValues AS jsonb), CAST(:newValues AS jsonb),
			        :occurredAt)
			""";

	private static final String INSERT_AUTHZ = """
			INSERT INTO identity.authz_logs (user_id, resource, action, policy, authorized, "timestamp")
			VALUES (:userId, :resource, :action, :policy, :authorized, :occurredAt)
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	AuditRepository(NamedParameterJdbcTemplate jdbc, JsonMapper json, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.json = json;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** Inserts the events of one batch in one transaction, so a retried batch never writes a row twice. */
	void insertAll(List<AuthEvent> auth, List<DataChangeEvent> changes, List<AuthzEvent> authz) {
		this.transaction.executeWithoutResult((status) -> {
			insertAuthEvents(auth);
			insertDataChanges(changes);
			insertAuthzEvents(authz);
		});
	}

	void insertAuthEvents(List<AuthEvent> events) {
		if (!events.isEmpty()) {
			this.jdbc.batchUpdate(INSERT_AUTH, events.stream().map(this::params).toArray(SqlParameterSource[]::new));
		}
	}

	void insertDataChanges(List<DataChangeEvent> events) {
		if (!events.isEmpty()) {
			this.jdbc.batchUpdate(INSERT_CHANGE, events.stream().map(this::params).toArray(SqlParameterSource[]::new));
		}
	}

	void insertAuthzEvents(List<AuthzEvent> events) {
		if (!events.isEmpty()) {
			this.jdbc.batchUpdate(INSERT_AUTHZ, events.stream().map(this::params).toArray(SqlParameterSource[]::new));
		}
	}

	private SqlParameterSource params(AuthEvent event) {
		return new MapSqlParameterSource().addValue("userId", event.userId())
			.addValue("email", trim(event.email(), 255))
			.addValue("event", trim((event.event() != null) ? event.event() : AuthEvent.SIGN_IN, 32))
			.addValue("ip", ip(event.ipAddress()))
			.addValue("userAgent", trim(event.userAgent(), 1024))
			.addValue("success", event.success())
			.addValue("failureReason", trim(event.failureReason(), 255))
			.addValue("occurredAt", timestamp(event.occurredAt()));
	}

	private SqlParameterSource params(DataChangeEvent event) {
		return new MapSqlParameterSource().addValue("userId", event.userId())
			.addValue("operation", event.operation())
			.addValue("tableName", trim(event.tableName(), 64))
			.addValue("recordId", trim(event.recordId(), 64))
			.addValue("oldValues", toJson(event.oldValues()))
			.addValue("newValues", toJson(event.newValues()))
			.addValue("occurredAt", timestamp(event.occurredAt()));
	}

	private SqlParameterSource params(AuthzEvent event) {
		return new MapSqlParameterSource().addValue("userId", event.userId())
			.addValue("resource", trim(event.resource(), 255))
			.addValue("action", trim(event.action(), 16))
			.addValue("policy", trim(event.policy(), 64))
			.addValue("authorized", event.authorized())
			.addValue("occurredAt", timestamp(event.occurredAt()));
	}

	private String toJson(Map<String, Object> values) {
		return (values != null) ? this.json.writeValueAsString(values) : null;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant((instant != null) ? instant : Instant.now(), ZoneOffset.UTC);
	}

	/** An address literal as PostgreSQL's inet reads it, else null (never a DNS lookup: only literals get here). */
	static String ip(String value) {
		if (value == null || !(IPV4.matcher(value).matches() || (value.contains(":") && IPV6.matcher(value).matches()))) {
			return null;
		}
		try {
			return InetAddress.getByName(value).getHostAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static String trim(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
