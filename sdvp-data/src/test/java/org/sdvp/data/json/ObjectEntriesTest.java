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

    /** {@code n} entries {@code "k0001": {"name": "k0001", "n": 1}}, one a line or all on one line. */
    private Path entries(String name, int n, boolean oneLine) throws Exception {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(',');
            b.append(oneLine ? " " : "\n  ");
            String k = String.format("k%04d", i);
            // some names hold brackets, which stepping over an entry must not take for structure
            String shown = i % 7 == 0 ? k + " }{ [\\\"" : k;
            b.append('"')
                    .append(k)
                    .append("\": {\"name\": \"")
                    .append(shown)
                    .append("\", \"n\": ")
                    .append(i);
            b.append('}');
        }
        return write(name, b.append(oneLine ? "}" : "\n}\n").toString());
    }

    @Test
    void theIndexOpensTheFileAtAnyEntryAsAFullReadWouldContinue() throws Exception {
        for (boolean oneLine : List.of(false, true)) {
            Path f = entries("many" + oneLine + ".json", 2500, oneLine);
            EntryOffsets index = ObjectEntries.index(f);
            assertEquals(2500, index.count());
            assertEquals(ObjectEntries.count(f), index.count());
            assertEquals(3, index.offsets().length, "a checkpoint every " + EntryOffsets.EVERY + " entries");
            List<String> keys = new java.util.ArrayList<>();
            List<Integer> lines = new java.util.ArrayList<>();
            try (ObjectEntries<Entry> all = ObjectEntries.open(f, Entry.class)) {
                all.forEachRemaining(e -> {
                    keys.add(e.getKey());
                    lines.add(all.line());
                });
            }
            for (int from : List.of(0, 1, 1023, 1024, 1025, 2047, 2048, 2499)) {
                try (ObjectEntries<Entry> rest = ObjectEntries.openAt(f, Entry.class, index.at(from))) {
                    for (int i = from; i < 2500; i++) {
                        Map.Entry<String, Entry> e = rest.next();
                        assertEquals(keys.get(i), e.getKey(), "from " + from);
                        assertEquals(i, e.getValue().n());
                        assertEquals(lines.get(i), rest.line(), "the whole file's line numbers");
                    }
                    assertFalse(rest.hasNext(), "from " + from);
                }
            }
        }
    }

    @Test
    void skipStepsOverEntriesAndSaysHowManyAtTheEnd() throws Exception {
        Path f = entries("skip.json", 10, false);
        try (ObjectEntries<Entry> it = ObjectEntries.open(f, Entry.class)) {
            assertEquals(3, it.skip(3));
            assertTrue(it.hasNext()); // a bound look-ahead is stepped over too
            assertEquals(2, it.skip(2));
            assertEquals(5, it.next().getValue().n());
            assertEquals(4, it.skip(100));
            assertFalse(it.hasNext());
        }
    }

    @Test
    void aFileChangedSinceItWasIndexedIsRefusedAtOpen() throws Exception {
        Path f = entries("changed.json", 5, false);
        EntryOffsets index = ObjectEntries.index(f);
        Files.writeString(f, Files.readString(f).replace("k0003", "k03"));
        DataException e = assertThrows(DataException.class, () -> ObjectEntries.openAt(f, Entry.class, index.at(2)));
        assertTrue(e.getMessage().startsWith(f + " changed since it was indexed"), e.getMessage());
    }

    @Test
    void aBindingErrorAfterSeekingNamesTheWholeFilesLine() throws Exception {
        Path f = entries("bad.json", 1500, false);
        Files.writeString(f, Files.readString(f).replace("\"n\": 1400", "\"n\": \"x\""));
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        EntryOffsets index = ObjectEntries.index(f);
        try (ObjectEntries<Entry> it = ObjectEntries.openAt(f, Entry.class, index.at(1399))) {
            it.next();
            UncheckedDataException e = assertThrows(UncheckedDataException.class, it::next);
            assertTrue(e.getMessage().contains("bad.json at line 1402"), e.getMessage());
        }
    }
}
