/**
 * World tasks whose examples carry their VisProg programs directly (instructions are not CLEVR-schema
 * questions): {@code edit-sim} (image editing, gold = the exactly rendered edit), {@code knowtag-sim}
 * (tagging by a category list that LIST produces) and {@code depth-sim} (in front of / behind).
 */
package org.sdvp.world.instruct;
