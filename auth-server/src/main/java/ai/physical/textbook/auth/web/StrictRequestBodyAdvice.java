package ai.physical.textbook.auth.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Reads every {@code @RequestBody} of the JSON API strictly before it is parsed: at most {@value #MAX_BODY_BYTES}
 * bytes (413 beyond), and text that decodes without a single malformed byte in its declared charset, UTF-8 when none
 * is declared (RFC 8259 §8.1). A JSON parser is lenient about some invalid UTF-8 (overlong forms, encoded
 * surrogates), which would otherwise be stored as different text than the client sent; this way the client learns
 * where its body is broken (400) and nothing is written.
 */
@ControllerAdvice(annotations = RestController.class)
class StrictRequestBodyAdvice extends RequestBodyAdviceAdapter {

	/** Far above any valid profile update (about 8 KiB at the limits of every list). */
	static final int MAX_BODY_BYTES = 64 * 1024;

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body = input.getBody().readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			throw new RequestBodyTooLargeException("The request body is larger than " + (MAX_BODY_BYTES / 1024)
					+ " KiB.", input);
		}
		Charset charset = charset(input);
		int malformedAt = firstMalformedByte(body, charset);
		if (malformedAt >= 0) {
			throw new RequestBodyEncodingException("The request body is not valid " + charset.name()
					+ ": malformed byte sequence at byte " + malformedAt + ".", input);
		}
		HttpHeaders headers = input.getHeaders();
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		};
	}

	private static Charset charset(HttpInputMessage input) {
		MediaType type = input.getHeaders().getContentType();
		try {
			return (type != null && type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			throw new RequestBodyEncodingException("The request body's charset is not supported: send UTF-8.", input);
		}
	}

	/** The offset of the first byte that does not decode, or -1 when the whole body decodes. */
	static int firstMalformedByte(byte[] body, Charset charset) {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(body);
		CharBuffer out = CharBuffer.allocate((int) Math.ceil(body.length * (double) decoder.maxCharsPerByte()) + 2);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			return in.position();
		}
		result = decoder.flush(out);
		return result.isError() ? in.position() : -1;
	}

}
