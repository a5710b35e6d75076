/**
 * What Gibbon's code expects of TensorFlow.js beyond tfjs-core, registered once per thread (by
 * backend.ts, which every thread starts its backend with; the unit tests import it directly): a gradient for every op, chained ops (`x.expandDims()`),
 * and the webgl backend. The umbrella package @tensorflow/tfjs did the same, and also pulled
 * in layers, converter, data and the cpu backend, which only some code needs and imports
 * itself (the fallbacks load with switchBackend).
 */
// The core first: its flags must be registered before the gradients' modules read them (the
// dev server's bundles otherwise evaluate them first: "Cannot evaluate flag 'DEBUG'").
import "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
import "@tensorflow/tfjs-backend-webgl";
