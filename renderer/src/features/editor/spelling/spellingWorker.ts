import { answerSpellingRequest, createBlockChecker, type SpellingRequest } from './checkTextBlocks';

// The DOM library types the page, not a worker: the worker's global scope speaks as a Worker does.
const scope = self as unknown as Worker;
const checker = createBlockChecker();

scope.onmessage = (event: MessageEvent<SpellingRequest>) => {
  const response = answerSpellingRequest(checker, event.data);
  if (response !== null) scope.postMessage(response);
};
