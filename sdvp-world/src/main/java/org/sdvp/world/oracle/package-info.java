/**
 * Oracle model services: LOC, VQA and image–text matching answered from scene annotations, registered as
 * the {@code oracle} backend ({@link org.sdvp.world.oracle.OracleProvider}).
 */
package org.sdvp.world.oracle;
