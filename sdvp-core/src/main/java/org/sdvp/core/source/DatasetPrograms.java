package org.sdvp.core.source;

/** The programs that come with the data (converted from the dataset's functional programs). */
public final class DatasetPrograms implements ProgramSource {
    @Override
    public String name() {
        return "dataset";
    }

    @Override
    public String programFor(Question example) throws ProgramSourceException {
        return example.program()
                .orElseThrow(() -> new ProgramSourceException(
                        "question " + example.id() + " has no dataset program; use --programs llm or a program file"));
    }
}
