/**
 * Words: the tokenizer and the closed vocabularies (input words and n-grams, answers) that a checkpoint
 * carries beside its weights, so that a loaded model reads text exactly as it was trained to.
 */
package org.sdvp.models.text;
