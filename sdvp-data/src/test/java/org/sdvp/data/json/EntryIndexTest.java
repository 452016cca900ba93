package org.sdvp.data.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.DataException;

class EntryIndexTest {
    @TempDir
    Path dir;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String name, int n) {}

    @Test
    void eachEntryIsReadBackFromItsBytesAloneAsTheWholeFileBindsIt() throws Exception {
        // multi-byte characters before and inside entries: the offsets are bytes, not characters
        Path f = dir.resolve("g.json");
        Files.writeString(
                f,
                "{\"ä\": {\"name\": \"größe\", \"n\": 1},\n  \"b\" :{\"name\":\"x\",\"n\":2,\"extra\":{\"deep\":[1,{}]}} ,"
                        + "\"日本\": {\"name\": \"語\", \"n\": 3}}");
        List<String> visited = new ArrayList<>();
        EntryIndex<Entry> index = EntryIndex.build(f, Entry.class, (k, v) -> visited.add(k + "=" + v.n()));
        assertEquals(List.of("ä=1", "b=2", "日本=3"), visited);
        assertEquals(3, index.size());
        try (ObjectEntries<Entry> all = ObjectEntries.open(f, Entry.class)) {
            all.forEachRemaining(e -> {
                try {
                    assertEquals(Optional.of(e.getValue()), index.get(e.getKey()));
                } catch (DataException ex) {
                    throw new AssertionError(ex);
                }
            });
        }
        assertEquals(Optional.empty(), index.get("missing"));
    }

    @Test
    void aKeyGivenTwiceKeepsItsLastValueAsAMapWould() throws Exception {
        Path f = dir.resolve("twice.json");
        Files.writeString(f, "{\"a\": {\"name\": \"first\", \"n\": 1}, \"a\": {\"name\": \"last\", \"n\": 2}}");
        assertEquals(
                "last",
                EntryIndex.build(f, Entry.class, (k, v) -> {})
                        .get("a")
                        .orElseThrow()
                        .name());
    }

    @Test
    void aValueOfTheWrongTypeFailsOnlyItsOwnLookupWithFileAndPosition() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"a\": {\"name\": \"x\", \"n\": 1},\n\"b\": {\"name\": \"y\", \"n\": \"many\"}}");
        java.util.List<String> visited = new java.util.ArrayList<>();
        EntryIndex<Entry> index = EntryIndex.build(f, Entry.class, (k, v) -> visited.add(k));
        assertEquals(java.util.List.of("a"), visited, "the bad entry never reaches the visitor");
        assertEquals("x", index.get("a").orElseThrow().name());
        DataException e = assertThrows(DataException.class, () -> index.get("b"));
        assertTrue(
                e.getMessage().contains(f.toString())
                        && e.getMessage().contains("line 2")
                        && e.getMessage().contains("'b'"),
                e.getMessage());
        assertEquals(DataException.Kind.WRONG_FIELD_TYPE, e.kind(), "counted by its reason");
    }

    @Test
    void aTruncatedFileIsIndexedUpToItsCutWhichItNames() throws Exception {
        Path f = dir.resolve("cut.json");
        Files.writeString(f, "{\"a\": {\"name\": \"x\", \"n\": 1},\n\"b\": {\"name\": \"y\"");
        List<String> visited = new ArrayList<>();
        EntryIndex<Entry> index = EntryIndex.build(f, Entry.class, (k, v) -> visited.add(k));
        assertEquals(List.of("a"), visited);
        assertEquals("x", index.get("a").orElseThrow().name());
        assertEquals(Optional.empty(), index.get("b"));
        Cut cut = index.cut().orElseThrow();
        assertEquals("b", cut.id());
        assertEquals(DataException.Kind.TRUNCATED_JSON, cut.error().kind());
        assertTrue(
                cut.error().getMessage().contains(f + " at line 2")
                        && cut.error().getMessage().contains("inside entry 'b', after 1 complete entry"),
                cut.error().getMessage());
    }

    @Test
    void anyOtherSyntaxErrorFailsTheBuild() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"a\": {\"name\": \"x\", \"n\": 1},\n\"b\": {\"name\" \"y\"}, \"c\": {}}");
        DataException e = assertThrows(DataException.class, () -> EntryIndex.build(f, Entry.class, (k, v) -> {}));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void aFileChangedAfterIndexingIsReportedWithItsByteOffset() throws Exception {
        Path f = dir.resolve("changed.json");
        Files.writeString(f, "{\"a\": {\"name\": \"x\", \"n\": 1}, \"b\": {\"name\": \"y\", \"n\": 2}}");
        EntryIndex<Entry> index = EntryIndex.build(f, Entry.class, (k, v) -> {});
        Files.writeString(f, "{\"a\": 1}");
        DataException e = assertThrows(DataException.class, () -> index.get("b"));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("at byte"), e.getMessage());
    }
}
