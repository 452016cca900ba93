/** {@code sdvp world}: generating, listing and benchmarking the embedded benchmark world. */
package org.sdvp.cli.world;
