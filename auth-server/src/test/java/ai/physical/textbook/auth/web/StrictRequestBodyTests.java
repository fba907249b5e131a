package ai.physical.textbook.auth.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.testing.AuthServerTest;
import ai.physical.textbook.auth.testing.TestUsers;
import ai.physical.textbook.auth.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bodies of the JSON API that are not valid text, too large, or carry control characters in a text field: a 400 (or
 * 413) problem that names the problem, and the stored profile unchanged.
 */
@AuthServerTest
class StrictRequestBodyTests {

	static final String TEMPLATE = """
			{"softwareBackground":{"programmingLanguages":["LANGUAGE"],"frameworks":["ROS 2"],
			"experienceLevel":"intermediate","specializations":[],"yearsOfExperience":2},
			"hardwareBackground":{"familiarPlatforms":["Jetson Nano"],"roboticsExperience":"hobbyist",
			"electronicsKnowledge":"basic","preferredTools":[]}}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Tokens tokens;

	@Test
	void whenBodyIsNotValidUtf8Then400NamingWhereAndNothingChanges() throws Exception {
		AccountUser user = this.users.create("utf8");
		save(user, TEMPLATE.replace("LANGUAGE", "Python").getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk());
		String before = read(user);
		// An overlong encoding of '/' (0xC0 0xAF): a lenient decoder turns it into text that was never sent.
		for (byte[] bad : new byte[][] { { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				{ (byte) 0xFF } }) {
			save(user, withLanguage(bad)).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.code").value("INVALID_ENCODING"))
				.andExpect(jsonPath("$.detail").value(containsString("not valid UTF-8")))
				.andExpect(jsonPath("$.detail").value(containsString("at byte " + TEMPLATE.indexOf("LANGUAGE"))));
		}
		assertThat(read(user)).isEqualTo(before);
	}

	@Test
	void whenBodyIsLargerThanTheLimitThen413() throws Exception {
		AccountUser user = this.users.create("large");
		byte[] body = TEMPLATE.replace("LANGUAGE", "x".repeat(StrictRequestBodyAdvice.MAX_BODY_BYTES))
			.getBytes(StandardCharsets.UTF_8);

		save(user, body).andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("BODY_TOO_LARGE"));
	}

	@Test
	void whenATextFieldHoldsAControlOrDirectionCharacterThen400NamingTheFieldAndNothingChanges() throws Exception {
		AccountUser user = this.users.create("nul");
		save(user, TEMPLATE.replace("LANGUAGE", "Python").getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk());
		String before = read(user);
		// Line breaks are refused even at the ends, where trimming would have changed the entry silently.
		for (String hostile : new String[] { "Py\\u0000thon", "Python\\r\\nSet-Cookie: x=1",
				"\\r\\nSet-Cookie: x=1", "\\tPython", "\\u202Egnp.exe", "\\ud800" }) {
			save(user, TEMPLATE.replace("LANGUAGE", hostile).getBytes(StandardCharsets.UTF_8))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
				.andExpect(jsonPath("$.errors[0].field").value("softwareBackground.programmingLanguages"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("control characters")));
		}
		assertThat(read(user)).isEqualTo(before);
		// Control: ordinary non-ASCII text, emoji included, is stored as sent.
		save(user, TEMPLATE.replace("LANGUAGE", "Écriture 🤖").getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.softwareBackground.programmingLanguages[0]").value("Écriture 🤖"));
	}

	private static byte[] withLanguage(byte[] bad) {
		int at = TEMPLATE.indexOf("LANGUAGE");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(TEMPLATE.substring(0, at).getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bad);
		body.writeBytes(TEMPLATE.substring(at + "LANGUAGE".length()).getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private ResultActions save(AccountUser user, byte[] body) throws Exception {
		return this.mvc.perform(put("/api/profile/" + user.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.accessToken(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private String read(AccountUser user) throws Exception {
		return this.mvc.perform(get("/api/profile/" + user.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.accessToken(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
