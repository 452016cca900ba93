package org.sdvp.data;

import java.nio.file.Path;

/** Where the committed dataset fixtures are (tests run with the module folder as working directory). */
public final class Fixtures {
    private Fixtures() {}

    public static final Path ROOT = Path.of("src/test/resources/fixtures");
    public static final Path GQA = ROOT.resolve("gqa");
    public static final Path NLVR2 = ROOT.resolve("nlvr2");
    public static final Path CLEVR = ROOT.resolve("clevr");
}
