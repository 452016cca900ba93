/**
 * Java2D colour rendering of scenes: the {@link org.sdvp.world.render.Renderer} (background, contact shadows,
 * shaded bodies with specular metal, the style's per-pixel pass) and the
 * {@link org.sdvp.world.render.ContactSheet}. Shape outlines and the ID buffer live in
 * {@code org.sdvp.world.scene}, as they define the scene's visibility annotations. Headless.
 */
package org.sdvp.world.render;
