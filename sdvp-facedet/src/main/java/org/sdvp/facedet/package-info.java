/**
 * {@code --modules facedet}: a real face detector for {@code FACEDET} (and {@code LOC} of "face"). OpenCV's
 * frontal-face cascades, run by JavaCPP's OpenCV build, whose native jar ships the cascade files, so Maven
 * resolves detector and model alike. The provider touches no OpenCV class until a spec names it, so a run
 * without {@code facedet} never loads the natives.
 */
package org.sdvp.facedet;
