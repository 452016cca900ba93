package org.sdvp.core.service;

/**
 * Makes one named backend of a {@code --modules} spec ({@code oracle}, {@code vlm:DIR},
 * {@code teacher:DIR}). Registered through {@code META-INF/services/org.sdvp.core.service.ModelServiceProvider}
 * so that sdvp-core knows no model library.
 */
public interface ModelServiceProvider {

    /** The name before the colon in a spec entry. */
    String name();

    /** How to write an entry, for error messages: {@code "vlm:DIR (a student checkpoint folder)"}. */
    String usage();

    /**
     * @param argument the text after the colon, or empty
     * @throws BackendException naming what is missing or wrong (the CLI exits 2)
     */
    ModelServices create(String argument, ProviderContext context) throws BackendException;
}
