/**
 * Visual domains: the parameters that make one rendering of a scene look unlike another (light, colour
 * cast, contrast, haze, noise, texture, distractors). {@link org.sdvp.world.style.Styles} holds the built-in
 * set; a style never changes a scene's annotations.
 */
package org.sdvp.world.style;
