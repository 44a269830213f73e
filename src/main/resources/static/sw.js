/*
 * oneweek's service worker (issue #15): the field forms open with no signal. Static files
 * come from the cache first (and are refreshed behind it); the pages of the forms used in the field (a problem, a
 * morning meeting, an inspection, the diary) from the network, and from the copy kept at the last
 * visit when there is none. Nothing is sent from here: entries made offline wait in the
 * page's outbox (js/offline.js) and the page sends them.
 */
'use strict';

var CACHE = 'oneweek-field-v2';
var SHELL = ['/css/oneweek.css', '/js/offline.js', '/js/diary.js', '/manifest.webmanifest', '/img/icon.svg'];
var FIELD_PAGES = /^\/(cases\/new|diary|diary\/\d{4}-\d{2}-\d{2}|diary\/meetings\/new|diary\/inspections\/new)$/;
var STATIC = /^\/(css|js|img|webjars)\//;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(SHELL)['catch'](function () { /* a missing file must not stop the worker */ });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches['delete'](k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate' && FIELD_PAGES.test(url.pathname)) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && !response.redirected) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    })['catch'](function () {
      return caches.match(request).then(function (exact) {
        return exact || caches.match(request, { ignoreSearch: true });
      }).then(function (kept) {
        return kept || new Response('<!DOCTYPE html><meta charset="utf-8"><title>oneweek</title>'
          + '<p>没有信号，这个页面还没有保存在手机上。No signal, and this page is not kept on this phone yet.</p>',
          { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
      });
    }));
    return;
  }
  if (STATIC.test(url.pathname)) {
    // the kept copy at once, and a fresh one fetched behind it for the next page: a
    // changed script or style reaches the phone at its next visit, not never
    event.respondWith(caches.match(request).then(function (kept) {
      var fresh = fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
        }
        return response;
      });
      if (kept) {
        fresh['catch'](function () { /* no signal: the kept copy serves */ });
        return kept;
      }
      return fresh;
    }));
  }
});
