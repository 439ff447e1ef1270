package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a SelfSubjectAccessReview sent as Kubernetes protobuf, as kubectl's typed client does for
 * {@code kubectl auth can-i}. Only the review's attribute strings are decoded; the answer is JSON, which kubectl
 * accepts. Any other protobuf body is refused with 415.
 *
 * <p>Wire format: the magic {@code "k8s\0"}, then a {@code runtime.Unknown} whose field 2 holds the object;
 * SelfSubjectAccessReview field 2 is its spec, spec field 1 the ResourceAttributes and field 2 the
 * NonResourceAttributes, both messages of string fields.
 */
final class ProtobufReviews {

  private static final byte[] MAGIC = {'k', '8', 's', 0};
  private static final @org.jspecify.annotations.Nullable String[] RESOURCE_FIELDS =
      {null, "namespace", "verb", "group", "version", "resource", "subresource", "name"};
  private static final @org.jspecify.annotations.Nullable String[] NON_RESOURCE_FIELDS = {null, "path", "verb"};

  private ProtobufReviews() {}

  static ObjectNode accessReviewAsJson(byte[] body) {
    if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
      throw new ApiException(ApiResponses.unsupportedMediaType("application/vnd.kubernetes.protobuf"));
    }
    byte[] object = field(body, MAGIC.length, body.length, 2);
    ObjectNode review = ApiResponses.MAPPER.createObjectNode();
    review.put("apiVersion", "authorization.k8s.io/v1");
    review.put("kind", "SelfSubjectAccessReview");
    ObjectNode spec = review.putObject("spec");
    if (object != null) {
      byte[] specBytes = field(object, 0, object.length, 2);
      if (specBytes != null) {
        byte[] resource = field(specBytes, 0, specBytes.length, 1);
        byte[] nonResource = field(specBytes, 0, specBytes.length, 2);
        if (resource != null) {
          strings(resource, RESOURCE_FIELDS, spec.putObject("resourceAttributes"));
        } else if (nonResource != null) {
          strings(nonResource, NON_RESOURCE_FIELDS, spec.putObject("nonResourceAttributes"));
        }
      }
    }
    return review;
  }

  /** The first length-delimited field with the given number, or null. */
  private static byte @org.jspecify.annotations.Nullable [] field(byte[] data, int from, int to, int number) {
    int[] pos = {from};
    while (pos[0] < to) {
      long key = varint(data, pos);
      int wireType = (int) (key & 7);
      int fieldNumber = (int) (key >>> 3);
      switch (wireType) {
        case 0 -> varint(data, pos);
        case 1 -> pos[0] += 8;
        case 5 -> pos[0] += 4;
        case 2 -> {
          int length = (int) varint(data, pos);
          if (length < 0 || pos[0] + length > to) {
            throw new ApiException(ApiResponses.badRequest("malformed protobuf body"));
          }
          if (fieldNumber == number) {
            return Arrays.copyOfRange(data, pos[0], pos[0] + length);
          }
          pos[0] += length;
        }
        default -> throw new ApiException(ApiResponses.badRequest("malformed protobuf body"));
      }
    }
    return null;
  }

  private static void strings(byte[] message, @org.jspecify.annotations.Nullable String[] names, ObjectNode into) {
    for (int number = 1; number < names.length; number++) {
      byte[] value = field(message, 0, message.length, number);
      if (value != null) {
        into.put(names[number], new String(value, StandardCharsets.UTF_8));
      }
    }
  }

  private static long varint(byte[] data, int[] pos) {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos[0] >= data.length) {
        throw new ApiException(ApiResponses.badRequest("malformed protobuf body"));
      }
      byte b = data[pos[0]++];
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new ApiException(ApiResponses.badRequest("malformed protobuf body"));
  }

}
