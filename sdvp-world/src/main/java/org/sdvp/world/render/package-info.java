/**
 * Java2D rendering of scenes: the shape outlines ({@link org.sdvp.world.render.Geometry}), the ID buffer
 * that yields each object's exact visible mask and box ({@link org.sdvp.world.render.IdBuffer}), and the
 * colour {@link org.sdvp.world.render.Renderer} (shading, shadows, specular metal, style pass). Headless.
 */
package org.sdvp.world.render;
