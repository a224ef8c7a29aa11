// Loaded into the server under test by the bench (NODE_OPTIONS=--import), only for the memory
// figure: on SIGUSR2 it runs a full garbage collection, so the bench reads the RSS the server
// really retains rather than wherever the collector happened to be. Changes nothing else.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
process.on('SIGUSR2', () => {
  gc();
  gc();
});
