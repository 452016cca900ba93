/**
 * Scenes of the embedded world: objects with four attributes (size, colour, material, shape) on a floor,
 * the seeded {@link org.sdvp.world.scene.SceneGenerator} that places them, and the spatial
 * {@link org.sdvp.world.scene.Relation}s between them. Records are immutable and thread-safe.
 */
package org.sdvp.world.scene;
