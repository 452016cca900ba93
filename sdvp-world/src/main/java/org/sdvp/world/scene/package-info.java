/**
 * Scenes of the embedded world: objects with four attributes (size, colour, material, shape) on a floor,
 * the seeded {@link org.sdvp.world.scene.SceneGenerator} that places them, their outlines
 * ({@link org.sdvp.world.scene.Geometry}), the ID buffer that yields each object's exact visible mask and box
 * ({@link org.sdvp.world.scene.IdBuffer}), and the spatial {@link org.sdvp.world.scene.Relation}s between
 * them. Records are immutable and thread-safe; the generator and ID buffer are not.
 */
package org.sdvp.world.scene;
