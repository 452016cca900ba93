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
