package dev.interleave.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.stream.Collectors;

/** The configured JSON mapper and the translation of its errors into report terms. */
final class JsonCodec {
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

  private JsonCodec() {}

  static TestReport parse(byte[] json, String source) {
    JsonNode tree = parseTree(json, source);
    SchemaCheck.check(tree, source);
    try {
      return MAPPER.treeToValue(tree, TestReport.class);
    } catch (JsonMappingException e) {
      throw new ReportFormatException(source, mappingProblem(e), e);
    } catch (IOException e) {
      throw new ReportFormatException(source, "invalid report: " + e.getMessage(), e);
    }
  }

  private static JsonNode parseTree(byte[] json, String source) {
    try {
      JsonNode tree = MAPPER.readTree(json);
      if (tree == null || tree.isMissingNode()) {
        throw new ReportFormatException(source, "empty file, expected a JSON object", null);
      }
      return tree;
    } catch (JsonEOFException e) {
      throw new ReportFormatException(
          source, "truncated JSON (unexpected end of input" + at(e.getLocation()) + ")", e);
    } catch (JsonParseException e) {
      throw new ReportFormatException(
          source, "malformed JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ReportFormatException(source, "unreadable JSON: " + e.getMessage(), e);
    }
  }

  private static String mappingProblem(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("", "$", ""));
    Throwable cause = e.getCause();
    String detail =
        cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
    return "invalid report at " + path + ": " + firstLine(detail);
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }
}
