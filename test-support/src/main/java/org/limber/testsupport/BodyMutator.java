package org.limber.testsupport;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The request bodies {@link RequestFuzzer} sends: a valid example with fields removed or replaced by odd values
 * (nulls, huge strings and numbers, deep nesting, wrong types), arrays grown, or now and then no JSON at all.
 */
final class BodyMutator {

    private final Random random;
    private final Supplier<Object> odd;

    BodyMutator(Random random, Supplier<Object> odd) {
        this.random = random;
        this.odd = odd;
    }

    /** A mutation of the valid example (or, now and then, of nothing at all). */
    String mutated(Object example) {
        JsonNode valid = example == null ? TestEvents.JSON.createObjectNode() : TestEvents.JSON.valueToTree(example);
        JsonNode body = valid.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            body = mutate(body, 0);
        }
        try {
            return switch (random.nextInt(20)) {
                case 0 -> "{\"broken\": ";
                case 1 -> "[".repeat(5000) + "]".repeat(5000);
                default -> TestEvents.JSON.writeValueAsString(body);
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode mutate(JsonNode node, int depth) {
        if (node.isObject() && node.size() > 0 && random.nextInt(3) > 0) {
            List<String> fields = new ArrayList<>();
            node.fieldNames().forEachRemaining(fields::add);
            String field = fields.get(random.nextInt(fields.size()));
            var object = (ObjectNode) node;
            if (random.nextInt(4) == 0) {
                object.remove(field);
            } else {
                object.set(field, mutate(object.get(field), depth + 1));
            }
            return node;
        }
        if (node.isArray() && node.size() > 0 && random.nextInt(3) > 0) {
            var array = (ArrayNode) node;
            int index = random.nextInt(array.size());
            array.set(index, mutate(array.get(index), depth + 1));
            if (random.nextInt(4) == 0) {
                for (int i = 0; i < 200; i++) {
                    array.add(array.get(index).deepCopy());
                }
            }
            return node;
        }
        return replacement();
    }

    private JsonNode replacement() {
        var json = TestEvents.JSON;
        return switch (random.nextInt(12)) {
            case 0 -> json.nullNode();
            case 1 -> json.getNodeFactory().textNode("x".repeat(200_000));
            case 2 -> json.getNodeFactory().numberNode(new BigDecimal("1e400"));
            case 3 -> json.getNodeFactory().numberNode(new BigInteger("9".repeat(40)));
            case 4 -> json.getNodeFactory().numberNode(-1);
            case 5 -> json.getNodeFactory().booleanNode(random.nextBoolean());
            case 6 -> json.createArrayNode().add("x").add(1);
            case 7 -> nested(100 + random.nextInt(800));
            case 8 -> json.getNodeFactory().textNode(String.valueOf(odd.get()));
            case 9 -> json.createObjectNode().put("unexpected", 1);
            case 10 -> json.getNodeFactory().numberNode(random.nextDouble() * 1e12);
            default -> json.getNodeFactory().textNode("\u0000\uFFFF\uD83D");
        };
    }

    private static JsonNode nested(int depth) {
        JsonNode node = TestEvents.JSON.createObjectNode();
        for (int i = 0; i < depth; i++) {
            node = TestEvents.JSON.createObjectNode().set("a", node);
        }
        return node;
    }
}
