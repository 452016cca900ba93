package org.sdvp.data.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.DataException;

class ObjectEntriesTest {
    @TempDir
    Path dir;

    record Entry(String name, int n) {}

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void entriesAreBoundOneAtATimeInFileOrder() throws Exception {
        Path f = write(
                "q.json", "{\"b\": {\"name\": \"x\", \"n\": 1, \"extra\": [1,2]}, \"a\": {\"name\": \"y\", \"n\": 2}}");
        try (ObjectEntries<Map> it = ObjectEntries.open(f, Map.class)) {
            assertEquals("b", it.next().getKey());
            Map.Entry<String, Map> second = it.next();
            assertEquals("a", second.getKey());
            assertEquals(2, second.getValue().get("n"));
            assertFalse(it.hasNext());
        }
        assertEquals(2, ObjectEntries.count(f));
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws Exception {
        Path f = write("bad.json", "{\"a\": {\"n\": 1},\n \"b\": {\"n\": 2,,}}");
        DataException e = assertThrows(DataException.class, () -> ObjectEntries.count(f));
        assertTrue(e.getMessage().startsWith("malformed JSON in " + f + " at line 2, column 15"), e.getMessage());
    }

    @Test
    void aTruncatedFileFailsWhenCounted() throws Exception {
        Path f = write("cut.json", "{\"a\": {\"n\": 1}, \"b\": {\"n\"");
        DataException e = assertThrows(DataException.class, () -> ObjectEntries.count(f));
        assertTrue(e.getMessage().contains("cut.json") && e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsReadUpToItsCutWhichNamesTheEntryItFellInAndItsPosition() throws Exception {
        Path f = write("cut.json", "{\"a\": {\"n\": 1},\n \"b\": {\"n\": 2}, \"c\": {\"n\"");
        Cut.Scan scan = ObjectEntries.scan(f);
        assertEquals(2, scan.entries());
        assertEquals(3, scan.examples());
        Cut cut = scan.cut().orElseThrow();
        assertEquals("c", cut.id());
        assertEquals(DataException.Kind.TRUNCATED_JSON, cut.error().kind());
        assertTrue(
                cut.error()
                        .getMessage()
                        .startsWith("truncated JSON in " + f + " at line 2, column 26 (byte 41): the file ends inside "
                                + "entry 'c', after 2 complete entries"),
                cut.error().getMessage());
        List<String> read = new java.util.ArrayList<>();
        try (ObjectEntries<Map> it = ObjectEntries.openUpToCut(f, Map.class)) {
            it.forEachRemaining(e -> read.add(e.getKey()));
        }
        assertEquals(List.of("a", "b"), read);
        // read strictly, the same file fails
        try (ObjectEntries<Map> it = ObjectEntries.open(f, Map.class)) {
            it.next();
            it.next();
            assertThrows(UncheckedDataException.class, it::hasNext);
        }
    }

    @Test
    void aCutBetweenEntriesOrInsideALiteralIsACutTooButASyntaxErrorWithContentAfterItIsNot() throws Exception {
        Path between = write("between.json", "{\"a\": {\"n\": 1}, ");
        assertEquals(
                "between.json (end)",
                ObjectEntries.scan(between).cut().orElseThrow().id());
        assertTrue(ObjectEntries.scan(between)
                .cut()
                .orElseThrow()
                .error()
                .getMessage()
                .contains("the file ends after 1 complete entry ("));
        Path literal = write("literal.json", "{\"a\": {\"n\": 1}, \"b\": {\"ok\": tru\n");
        assertEquals("b", ObjectEntries.scan(literal).cut().orElseThrow().id());
        Path garbage = write("garbage.json", "{\"a\": {\"n\": 1}, \"b\": {\"ok\": tru}, \"c\": {\"n\": 3}}");
        DataException e = assertThrows(DataException.class, () -> ObjectEntries.scan(garbage));
        assertEquals(DataException.Kind.OTHER, e.kind());
        assertTrue(e.getMessage().startsWith("malformed JSON in " + garbage + " at line 1"), e.getMessage());
        Path whole = write("whole.json", "{\"a\": {\"n\": 1}}\n");
        assertEquals(new Cut.Scan(1, java.util.Optional.empty()), ObjectEntries.scan(whole));
    }

    @Test
    void aTruncatedArrayIsReadUpToItsCutNamedByTheElementItFellIn() throws Exception {
        Path f = write("c.json", "{\"info\": {}, \"questions\": [{\"name\": \"a\", \"n\": 1}, {\"name\": \"b\", \"n");
        Cut.Scan scan = ArrayElements.scan(f, "questions");
        assertEquals(1, scan.entries());
        assertEquals("questions[1]", scan.cut().orElseThrow().id());
        assertTrue(
                scan.cut()
                        .orElseThrow()
                        .error()
                        .getMessage()
                        .contains("the file ends inside questions[1], after 1 " + "complete entry"),
                scan.cut().orElseThrow().error().getMessage());
        try (ArrayElements<Entry> it = ArrayElements.openUpToCut(f, "questions", Entry.class)) {
            assertEquals(new Entry("a", 1), it.next());
            assertFalse(it.hasNext());
        }
        Path after = write("after.json", "{\"questions\": [{\"name\": \"a\", \"n\": 1}], \"info\": {\"v\"");
        Cut.Scan whole = ArrayElements.scan(after, "questions");
        assertEquals(1, whole.entries());
        assertEquals("after.json (end)", whole.cut().orElseThrow().id());
        assertTrue(whole.cut().orElseThrow().error().getMessage().contains("what follows the 'questions' array"));
        Path before = write("before.json", "{\"info\": {\"v\"");
        assertThrows(DataException.class, () -> ArrayElements.scan(before, "questions"));
    }

    @Test
    void anArrayWhereAnObjectIsExpectedIsRejectedWithItsPosition() throws Exception {
        Path f = write("arr.json", "[1, 2]");
        DataException e = assertThrows(DataException.class, () -> ObjectEntries.open(f, Map.class));
        assertEquals(
                "unexpected JSON in " + f + " at line 1, column 1: expected a JSON object keyed by id", e.getMessage());
    }

    @Test
    void aBindingErrorWhileIteratingIsUncheckedButKeepsThePosition() throws Exception {
        Path f = write("type.json", "{\"a\": {\"name\": \"x\", \"n\": 1},\n\"b\": {\"name\": \"y\", \"n\": \"many\"}}");
        try (ObjectEntries<Entry> it = ObjectEntries.open(f, Entry.class)) {
            assertEquals(1, it.next().getValue().n());
            UncheckedDataException e = assertThrows(UncheckedDataException.class, it::next);
            assertTrue(e.getMessage().contains("type.json at line 2"), e.getMessage());
        }
    }

    @Test
    void arrayElementsSkipOtherFieldsAndStream() throws Exception {
        Path f = write(
                "c.json",
                "{\"info\": {\"v\": [1, {\"x\": 2}]}, \"questions\": [{\"name\": \"a\", \"n\": 1}, {\"name\": \"b\", \"n\": 2}]}");
        try (ArrayElements<Entry> it = ArrayElements.open(f, "questions", Entry.class)) {
            assertEquals(List.of(new Entry("a", 1), new Entry("b", 2)), List.of(it.next(), it.next()));
            assertFalse(it.hasNext());
        }
        assertEquals(2, ArrayElements.count(f, "questions"));
        DataException missing = assertThrows(DataException.class, () -> ArrayElements.open(f, "scenes", Entry.class));
        assertEquals("no 'scenes' array in " + f, missing.getMessage());
    }

    @Test
    void jsonLinesNameTheLineOfAMalformedRow() throws Exception {
        Path f = write("dev.json", "{\"name\": \"a\", \"n\": 1}\n\n{\"name\": \"b\" \"n\": 2}\n");
        DataException e = assertThrows(DataException.class, () -> JsonLines.read(f, Entry.class));
        assertTrue(e.getMessage().startsWith("malformed JSON in " + f + " at line 3, column 14"), e.getMessage());
        Files.writeString(f, "{\"name\": \"a\", \"n\": 1}\n\n{\"name\": \"b\", \"n\": 2}\n");
        assertEquals(2, JsonLines.read(f, Entry.class).size());
    }
}
