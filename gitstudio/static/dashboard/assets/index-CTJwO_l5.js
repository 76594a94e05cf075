var $e,C,yt,K,We,wt,bt,Te,fe,ae,vt,Le,He,Me,be={},ve=[],Bt=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,Ee=Array.isArray;function J(e,t){for(var n in t)e[n]=t[n];return e}function Be(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Ft(e,t,n){var r,i,s,d={};for(s in t)s=="key"?r=t[s]:s=="ref"?i=t[s]:d[s]=t[s];if(arguments.length>2&&(d.children=arguments.length>3?$e.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(s in e.defaultProps)d[s]===void 0&&(d[s]=e.defaultProps[s]);return pe(e,d,r,i,null)}function pe(e,t,n,r,i){var s={type:e,props:t,key:n,ref:r,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:i??++yt,__i:-1,__u:0};return i==null&&C.vnode!=null&&C.vnode(s),s}function Z(e){return e.children}function me(e,t){this.props=e,this.context=t}function ne(e,t){if(t==null)return e.__?ne(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?ne(e):null}function qt(e){if(e.__P&&e.__d){var t=e.__v,n=t.__e,r=[],i=[],s=J({},t);s.__v=t.__v+1,C.vnode&&C.vnode(s),Fe(e.__P,s,t,e.__n,e.__P.namespaceURI,32&t.__u?[n]:null,r,n??ne(t),!!(32&t.__u),i),s.__v=t.__v,s.__.__k[s.__i]=s,Et(r,s,i),t.__e=t.__=null,s.__e!=n&&St(s)}}function St(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),St(e)}function ze(e){(!e.__d&&(e.__d=!0)&&K.push(e)&&!Se.__r++||We!=C.debounceRendering)&&((We=C.debounceRendering)||wt)(Se)}function Se(){try{for(var e,t=1;K.length;)K.length>t&&K.sort(bt),e=K.shift(),t=K.length,qt(e)}finally{K.length=Se.__r=0}}function kt(e,t,n,r,i,s,d,c,u,a,m){var g,l,y,_,k,v,f=r&&r.__k||ve,w=t.length;for(u=Ut(n,t,f,u,w),g=0;g<w;g++)(y=n.__k[g])!=null&&(l=y.__i!=-1&&f[y.__i]||be,y.__i=g,v=Fe(e,y,l,i,s,d,c,u,a,m),_=y.__e,y.ref&&l.ref!=y.ref&&(l.ref&&qe(l.ref,null,y),m.push(y.ref,y.__c||_,y)),k==null&&_!=null&&(k=_),4&y.__u?(u=xt(y,u,e),l.__e&&(l.__e=null)):typeof y.type=="function"&&v!==void 0?u=v:_&&(u=_.nextSibling),y.__u&=-7);return n.__e=k,u}function Ut(e,t,n,r,i){var s,d,c,u,a,m=n.length,g=m,l=0;for(e.__k=new Array(i),s=0;s<i;s++)(d=t[s])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[s]=pe(null,d,null,null,null):Ee(d)?d=e.__k[s]=pe(Z,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[s]=pe(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[s]=d,u=s+l,d.__=e,d.__b=e.__b+1,c=null,(a=d.__i=Vt(d,n,u,g))!=-1&&(g--,(c=n[a])&&(c.__u|=2)),c==null||c.__v==null?(a==-1&&(i>m?l--:i<m&&l++),typeof d.type!="function"&&(d.__u|=4)):a!=u&&(a==u-1?l--:a==u+1?l++:(a>u?l--:l++,d.__u|=4))):e.__k[s]=null;if(g)for(s=0;s<m;s++)(c=n[s])!=null&&(2&c.__u)==0&&(c.__e==r&&(r=ne(c)),Tt(c,c));return r}function xt(e,t,n){var r,i;if(typeof e.type=="function"){for(r=e.__k,i=0;r&&i<r.length;i++)r[i]&&(r[i].__=e,t=xt(r[i],t,n));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=ne(e)),t=n.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function Vt(e,t,n,r){var i,s,d,c=e.key,u=e.type,a=t[n],m=a!=null&&(2&a.__u)==0;if(a===null&&c==null||m&&c==a.key&&u==a.type)return n;if(r>(m?1:0)){for(i=n-1,s=n+1;i>=0||s<t.length;)if((a=t[d=i>=0?i--:s++])!=null&&(2&a.__u)==0&&c==a.key&&u==a.type)return d}return-1}function Je(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||Bt.test(t)?n:n+"px"}function he(e,t,n,r,i){var s,d;e:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof r=="string"&&(e.style.cssText=r=""),r)for(t in r)n&&t in n||Je(e.style,t,"");if(n)for(t in n)r&&n[t]==r[t]||Je(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")s=t!=(t=t.replace(vt,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+s]=n,n?r?n[ae]=r[ae]:(n[ae]=Le,e.addEventListener(t,s?Me:He,s)):e.removeEventListener(t,s?Me:He,s);else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function Qe(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t[fe]==null)t[fe]=Le++;else if(t[fe]<n[ae])return;return n(C.event?C.event(t):t)}}}function Fe(e,t,n,r,i,s,d,c,u,a){var m,g,l,y,_,k,v,f,w,E,N,M,A,Q,D,G,L=t.type;if(t.constructor!==void 0)return null;128&n.__u&&(u=!!(32&n.__u),s=[c=t.__e=n.__e]),(m=C.__b)&&m(t);e:if(typeof L=="function"){g=d.length;try{if(w=t.props,E=L.prototype&&L.prototype.render,N=(m=L.contextType)&&r[m.__c],M=m?N?N.props.value:m.__:r,n.__c?f=(l=t.__c=n.__c).__=l.__E:(E?t.__c=l=new L(w,M):(t.__c=l=new me(w,M),l.constructor=L,l.render=Wt),N&&N.sub(l),l.state||(l.state={}),l.__n=r,y=l.__d=!0,l.__h=[],l._sb=[]),E&&l.__s==null&&(l.__s=l.state),E&&L.getDerivedStateFromProps!=null&&(l.__s==l.state&&(l.__s=J({},l.__s)),J(l.__s,L.getDerivedStateFromProps(w,l.__s))),_=l.props,k=l.state,l.__v=t,y)E&&L.getDerivedStateFromProps==null&&l.componentWillMount!=null&&l.componentWillMount(),E&&l.componentDidMount!=null&&l.__h.push(l.componentDidMount);else{if(E&&L.getDerivedStateFromProps==null&&w!==_&&l.componentWillReceiveProps!=null&&l.componentWillReceiveProps(w,M),t.__v==n.__v||!l.__e&&l.shouldComponentUpdate!=null&&l.shouldComponentUpdate(w,l.__s,M)===!1){t.__v!=n.__v&&(l.props=w,l.state=l.__s,l.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(W){W&&(W.__=t)}),ve.push.apply(l.__h,l._sb),l._sb=[],l.__h.length&&d.push(l),c=ne(n);break e}l.componentWillUpdate!=null&&l.componentWillUpdate(w,l.__s,M),E&&l.componentDidUpdate!=null&&l.__h.push(function(){l.componentDidUpdate(_,k,v)})}if(l.context=M,l.props=w,l.__P=e,l.__e=!1,A=C.__r,Q=0,E)l.state=l.__s,l.__d=!1,A&&A(t),m=l.render(l.props,l.state,l.context),ve.push.apply(l.__h,l._sb),l._sb=[];else do l.__d=!1,A&&A(t),m=l.render(l.props,l.state,l.context),l.state=l.__s;while(l.__d&&++Q<25);l.state=l.__s,l.getChildContext!=null&&(r=J(J({},r),l.getChildContext())),E&&!y&&l.getSnapshotBeforeUpdate!=null&&(v=l.getSnapshotBeforeUpdate(_,k)),D=m!=null&&m.type===Z&&m.key==null?It(m.props.children):m,c=kt(e,Ee(D)?D:[D],t,n,r,i,s,d,c,u,a),l.base=t.__e,t.__u&=-161,l.__h.length&&d.push(l),f&&(l.__E=l.__=null)}catch(W){if(d.length=g,t.__v=null,u||s!=null){if(W.then){for(t.__u|=u?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;s!=null&&(s[s.indexOf(c)]=null),t.__e=c}else if(s!=null)for(G=s.length;G--;)Be(s[G])}else t.__e=n.__e;t.__k==null&&(t.__k=n.__k||[]),W.then||$t(t),C.__e(W,t,n)}}else s==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):c=t.__e=Gt(n.__e,t,n,r,i,s,d,u,a);return(m=C.diffed)&&m(t),128&t.__u?void 0:c}function $t(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some($t))}function Et(e,t,n){for(var r=0;r<n.length;r++)qe(n[r],n[++r],n[++r]);C.__c&&C.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(s){s.call(i)})}catch(s){C.__e(s,i.__v)}})}function It(e){return typeof e!="object"||e==null||e.__b>0?e:Ee(e)?e.map(It):e.constructor!==void 0?null:J({},e)}function Gt(e,t,n,r,i,s,d,c,u){var a,m,g,l,y,_,k,v=n.props||be,f=t.props,w=t.type;if(w=="svg"?i="http://www.w3.org/2000/svg":w=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),s!=null){for(a=0;a<s.length;a++)if((y=s[a])&&"setAttribute"in y==!!w&&(w?y.localName==w:y.nodeType==3)){e=y,s[a]=null;break}}if(e==null){if(w==null)return document.createTextNode(f);e=document.createElementNS(i,w,f.is&&f),c&&(C.__m&&C.__m(t,s),c=!1),s=null}if(w==null)v===f||c&&e.data==f||(e.data=f);else{if(s=w=="textarea"&&f.defaultValue!=null?null:s&&$e.call(e.childNodes),!c&&s!=null)for(v={},a=0;a<e.attributes.length;a++)v[(y=e.attributes[a]).name]=y.value;for(a in v)y=v[a],a=="dangerouslySetInnerHTML"?g=y:a=="children"||a in f||a=="value"&&"defaultValue"in f||a=="checked"&&"defaultChecked"in f||he(e,a,null,y,i);for(a in f)y=f[a],a=="children"?l=y:a=="dangerouslySetInnerHTML"?m=y:a=="value"?_=y:a=="checked"?k=y:c&&typeof y!="function"||v[a]===y||he(e,a,y,v[a],i);if(m)c||g&&(m.__html==g.__html||m.__html==e.innerHTML)||(e.innerHTML=m.__html),t.__k=[];else if(g&&(e.innerHTML=""),kt(t.type=="template"?e.content:e,Ee(l)?l:[l],t,n,r,w=="foreignObject"?"http://www.w3.org/1999/xhtml":i,s,d,s?s[0]:n.__k&&ne(n,0),c,u),s!=null)for(a=s.length;a--;)Be(s[a]);c&&w!="textarea"||(a="value",w=="progress"&&_==null?e.removeAttribute("value"):_!=null&&(_!==e[a]||w=="progress"&&!_||w=="option"&&_!=v[a])&&he(e,a,_,v[a],i),a="checked",k!=null&&k!=e[a]&&he(e,a,k,v[a],i))}return e}function qe(e,t,n){try{if(typeof e=="function"){var r=typeof e.__u=="function";r&&e.__u(),r&&t==null||(e.__u=e(t))}else e.current=t}catch(i){C.__e(i,n)}}function Tt(e,t,n){var r,i;if(C.unmount&&C.unmount(e),(r=e.ref)&&(r.current&&r.current!=e.__e||qe(r,null,t)),(r=e.__c)!=null){if(r.componentWillUnmount)try{r.componentWillUnmount()}catch(s){C.__e(s,t)}r.base=r.__P=r.__n=null}if(r=e.__k)for(i=0;i<r.length;i++)r[i]&&Tt(r[i],t,n||typeof e.type!="function");n||Be(e.__e),e.__c=e.__=e.__e=void 0}function Wt(e,t,n){return this.constructor(e,n)}function zt(e,t,n){var r,i,s,d;t==document&&(t=document.documentElement),C.__&&C.__(e,t),i=(r=!1)?null:t.__k,s=[],d=[],Fe(t,e=t.__k=Ft(Z,null,[e]),i||be,be,t.namespaceURI,i?null:t.firstChild?$e.call(t.childNodes):null,s,i?i.__e:t.firstChild,r,d),Et(s,e,d),e.props.children=null}$e=ve.slice,C={__e:function(e,t,n,r){for(var i,s,d;t=t.__;)if((i=t.__c)&&!i.__)try{if((s=i.constructor)&&s.getDerivedStateFromError!=null&&(i.setState(s.getDerivedStateFromError(e)),d=i.__d),i.componentDidCatch!=null&&(i.componentDidCatch(e,r||{}),d=i.__d),d)return i.__E=i}catch(c){e=c}throw e}},yt=0,me.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=J({},this.state),typeof e=="function"&&(e=e(J({},n),this.props)),e&&J(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),ze(this))},me.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),ze(this))},me.prototype.render=Z,K=[],wt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,bt=function(e,t){return e.__v.__b-t.__v.__b},Se.__r=0,Te=Math.random().toString(8),fe="__d"+Te,ae="__a"+Te,vt=/(PointerCapture)$|Capture$/i,Le=0,He=Qe(!1),Me=Qe(!0);var Jt=0;function o(e,t,n,r,i,s){t||(t={});var d,c,u=t;if("ref"in u)for(c in u={},t)c=="ref"?d=t[c]:u[c]=t[c];var a={type:e,props:u,key:n,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--Jt,__i:-1,__u:0,__source:i,__self:s};if(typeof e=="function"&&(d=e.defaultProps))for(c in d)u[c]===void 0&&(u[c]=d[c]);return C.vnode&&C.vnode(a),a}var ce,R,Ce,Xe,de=0,Ct=[],j=C,Ke=j.__b,Ye=j.__r,Ze=j.diffed,et=j.__c,tt=j.unmount,nt=j.__;function Ue(e,t){j.__h&&j.__h(R,e,de||t),de=0;var n=R.__H||(R.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function H(e){return de=1,Qt(Nt,e)}function Qt(e,t,n){var r=Ue(ce++,2);if(r.t=e,!r.__c&&(r.__=[Nt(void 0,t),function(c){var u=r.__N?r.__N[0]:r.__[0],a=r.t(u,c);u!==a&&(r.__N=[a,r.__[1]],r.__c.setState({}))}],r.__c=R,!R.__f)){var i=function(c,u,a){if(!r.__c.__H)return!0;var m=!1,g=r.__c.props!==c;if(r.__c.__H.__.some(function(y){if(y.__N){m=!0;var _=y.__[0];y.__=y.__N,y.__N=void 0,_!==y.__[0]&&(g=!0)}}),s){var l=s.call(this,c,u,a);return m?l||g:l}return!m||g};R.__f=!0;var s=R.shouldComponentUpdate,d=R.componentWillUpdate;R.componentWillUpdate=function(c,u,a){if(this.__e){var m=s;s=void 0,i(c,u,a),s=m}d&&d.call(this,c,u,a)},R.shouldComponentUpdate=i}return r.__N||r.__}function V(e,t){var n=Ue(ce++,3);!j.__s&&Rt(n.__H,t)&&(n.__=e,n.u=t,R.__H.__h.push(n))}function At(e){return de=5,Ve(function(){return{current:e}},[])}function Ve(e,t){var n=Ue(ce++,7);return Rt(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function rt(e,t){return de=8,Ve(function(){return e},t)}function Xt(){for(var e;e=Ct.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(_e),t.__h.some(Pe),t.__h=[]}catch(n){t.__h=[],j.__e(n,e.__v)}}}j.__b=function(e){R=null,Ke&&Ke(e)},j.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),nt&&nt(e,t)},j.__r=function(e){Ye&&Ye(e),ce=0;var t=(R=e.__c).__H;t&&(Ce===R?(t.__h=[],R.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.some(_e),t.__h.some(Pe),t.__h=[],ce=0)),Ce=R},j.diffed=function(e){Ze&&Ze(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Ct.push(t)!==1&&Xe===j.requestAnimationFrame||((Xe=j.requestAnimationFrame)||Kt)(Xt)),t.__H.__.some(function(n){n.u&&(n.__H=n.u,n.u=void 0)})),Ce=R=null},j.__c=function(e,t){t.some(function(n){try{n.__h.some(_e),n.__h=n.__h.filter(function(r){return!r.__||Pe(r)})}catch(r){t.some(function(i){i.__h&&(i.__h=[])}),t=[],j.__e(r,n.__v)}}),et&&et(e,t)},j.unmount=function(e){tt&&tt(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.some(function(r){try{_e(r)}catch(i){t=i}}),n.__H=void 0,t&&j.__e(t,n.__v))};var ot=typeof requestAnimationFrame=="function";function Kt(e){var t,n=function(){clearTimeout(r),ot&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);ot&&(t=requestAnimationFrame(n))}function _e(e){var t=R,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),R=t}function Pe(e){var t=R;e.__c=e.__(),R=t}function Rt(e,t){return!e||e.length!==t.length||t.some(function(n,r){return n!==e[r]})}function Nt(e,t){return typeof t=="function"?t(e):t}function F(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function te(e){return F(e)==="object"}function Yt(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function it(e,t){return e.length<124?e:t}const Zt="graphql-transport-ws";var q=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(q||{}),U=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(U||{});function jt(e){if(!te(e))throw new Error(`Message is expected to be an object, but got ${F(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${F(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!te(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!te(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${F(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${F(e.payload.query)}`);if(e.payload.variables!=null&&!te(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${F(e.payload.variables)}`);if(e.payload.operationName!=null&&F(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${F(e.payload.operationName)}`);if(e.payload.extensions!=null&&!te(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${F(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!te(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${F(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Yt(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function en(e,t){return jt(typeof e=="string"?JSON.parse(e,t):e)}function ie(e,t){return jt(e),JSON.stringify(e,t)}function tn(e){const{url:t,connectionParams:n,lazy:r=!0,onNonLazyError:i=console.error,lazyCloseTimeout:s=0,keepAlive:d=0,disablePong:c,connectionAckWaitTimeout:u=0,retryAttempts:a=5,retryWait:m=async function(h){const p=Math.pow(2,h);await new Promise(b=>setTimeout(b,p*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:g=Ae,on:l,webSocketImpl:y,generateID:_=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,h=>{const p=Math.random()*16|0;return(h=="x"?p:p&3|8).toString(16)})},jsonMessageReplacer:k,jsonMessageReviver:v}=e;let f;if(y){if(!rn(y))throw new Error("Invalid WebSocket implementation provided");f=y}else typeof WebSocket<"u"?f=WebSocket:typeof global<"u"?f=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(f=window.WebSocket||window.MozWebSocket);if(!f)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const w=f,E=(()=>{const I=(()=>{const p={};return{on(b,x){return p[b]=x,()=>{delete p[b]}},emit(b){"id"in b&&p[b.id]?.(b)}}})(),h={connecting:l?.connecting?[l.connecting]:[],opened:l?.opened?[l.opened]:[],connected:l?.connected?[l.connected]:[],ping:l?.ping?[l.ping]:[],pong:l?.pong?[l.pong]:[],message:l?.message?[I.emit,l.message]:[I.emit],closed:l?.closed?[l.closed]:[],error:l?.error?[l.error]:[]};return{onMessage:I.on,on(p,b){const x=h[p];return x.push(b),()=>{const $=x.indexOf(b);$>-1&&x.splice($,1)}},emit(p,...b){for(const x of[...h[p]])x(...b)}}})();function N(I){const h=[E.on("error",p=>{h.forEach(b=>b()),I(p)}),E.on("closed",p=>{h.forEach(b=>b()),I(p)})];return()=>h.forEach(p=>p())}let M,A=0,Q,D=!1,G=0,L=!1;async function W(){clearTimeout(Q);const[I,h]=await(M??(M=new Promise((x,$)=>(async()=>{if(D){if(await m(G),!A)return M=void 0,$({code:1e3,reason:"All Subscriptions Gone"});G++}E.emit("connecting",D);const S=new w(typeof t=="function"?await t():t,Zt);let T,X;function ue(){isFinite(d)&&d>0&&(clearTimeout(X),X=setTimeout(()=>{S.readyState===w.OPEN&&(S.send(ie({type:U.Ping})),E.emit("ping",!1,void 0))},d))}N(O=>{M=void 0,clearTimeout(T),clearTimeout(X),$(O),O instanceof st&&(S.close(4499,"Terminated"),S.onerror=null,S.onclose=null)}),S.onerror=O=>E.emit("error",O),S.onclose=O=>E.emit("closed",O),S.onopen=async()=>{try{E.emit("opened",S);const O=typeof n=="function"?await n():n;if(S.readyState!==w.OPEN)return;S.send(ie(O?{type:U.ConnectionInit,payload:O}:{type:U.ConnectionInit},k)),isFinite(u)&&u>0&&(T=setTimeout(()=>{S.close(q.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},u)),ue()}catch(O){E.emit("error",O),S.close(q.InternalClientError,it(O instanceof Error?O.message:String(O),"Internal client error"))}};let oe=!1;S.onmessage=({data:O})=>{try{const P=en(O,v);if(E.emit("message",P),P.type==="ping"||P.type==="pong"){E.emit(P.type,!0,P.payload),P.type==="pong"?ue():c||(S.send(ie(P.payload?{type:U.Pong,payload:P.payload}:{type:U.Pong},k)),E.emit("pong",!1,P.payload));return}if(oe)return;if(P.type!==U.ConnectionAck)throw new Error(`First message cannot be of type ${P.type}`);clearTimeout(T),oe=!0,E.emit("connected",S,P.payload,D),D=!1,G=0;const Ge=new Promise((or,Lt)=>N(Lt));Ge.catch(()=>{}),x([S,Ge])}catch(P){S.onmessage=null,E.emit("error",P),S.close(q.BadResponse,it(P instanceof Error?P.message:String(P),"Bad response"))}}})())));I.readyState===w.CLOSING&&await h;let p=()=>{};const b=new Promise(x=>p=x);return[I,p,new Promise((x,$)=>{const S=N($);I.readyState!==w.OPEN&&h.catch($),b.then(()=>{if(S(),!A){const T=()=>I.close(1e3,"Normal Closure");isFinite(s)&&s>0?(clearTimeout(Q),Q=setTimeout(()=>{!A&&I.readyState===w.OPEN&&T()},s)):T()}x()})})]}function ee(I){if(Ae(I)&&(nn(I.code)||[q.InternalServerError,q.InternalClientError,q.BadRequest,q.BadResponse,q.Unauthorized,q.SubprotocolNotAcceptable,q.SubscriberAlreadyExists,q.TooManyInitialisationRequests].includes(I.code)))throw I;if(L)return!1;if(Ae(I)&&I.code===1e3)return A>0;if(!a||G>=a||!g(I))throw I;return D=!0}r||(async()=>{for(A++;;)try{const[,,I]=await W();await I}catch(I){try{if(!ee(I))return}catch(h){return i?.(h)}}})();function re(I,h){const p=_(I);let b=!1,x=!1,$=()=>{A--,b=!0};return(async()=>{for(A++;;)try{const[S,T,X]=await W();if(b)return X.catch(()=>{}),T();const ue=E.onMessage(p,oe=>{switch(oe.type){case U.Next:{h.next(oe.payload);return}case U.Error:{x=!0,b=!0,h.error(oe.payload),$();return}case U.Complete:{b=!0,$();return}}});S.send(ie({id:p,type:U.Subscribe,payload:I},k)),$=()=>{!b&&S.readyState===w.OPEN&&S.send(ie({id:p,type:U.Complete},k)),A--,b=!0,T()},await X.finally(ue);return}catch(S){if(!ee(S))return}})().then(()=>{x||h.complete()}).catch(S=>{h.error(S)}),()=>{b||$()}}return{on:E.on,subscribe:re,iterate(I){const h=[],p={done:!1,error:null,resolve:()=>{}},b=re(I,{next($){h.push($),p.resolve()},error($){p.done=!0,p.error=$,p.resolve()},complete(){p.done=!0,p.resolve()}}),x=(async function*(){for(;;){for(h.length||await new Promise(S=>p.resolve=S);h.length;)yield h.shift();if(p.error)throw p.error;if(p.done)return}})();return x.throw=async $=>(p.done||(p.done=!0,p.error=$,p.resolve()),{done:!0,value:void 0}),x.return=async()=>(b(),{done:!0,value:void 0}),x},async dispose(){if(L=!0,M){const[I]=await M;I.close(1e3,"Normal Closure")}},terminate(){M&&E.emit("closed",new st)}}}class st extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function Ae(e){return te(e)&&"code"in e&&"reason"in e}function nn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function rn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let Y=null;async function on(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return Y=null,null;const t=await e.json();return Y={user:t.user,admin:t.admin,csrfToken:t.csrf_token},Y}async function sn(){const e={Accept:"application/json"};Y&&(e["X-CSRF-Token"]=Y.csrfToken),await fetch("/logout",{method:"POST",headers:e}),Y=null}function ke(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class ge extends Error{errors;constructor(t){super(t.map(n=>n.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(n=>n.code===t)}}async function z(e,t,n){const r={"Content-Type":"application/json",Accept:"application/json"};Y&&(r["X-CSRF-Token"]=Y.csrfToken);const i={method:"POST",headers:r,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},s=await fetch("/graphql",i);let d;try{d=await s.json()}catch{throw new ge([{message:`HTTP ${s.status}`,code:s.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new ge(d.errors.map(c=>({message:c.message,code:c.extensions?.code??null})));if(d.data==null)throw new ge([{message:`HTTP ${s.status}`,code:null}]);return d.data}let Re=null;function an(){if(!Re){const e=location.protocol==="https:"?"wss:":"ws:";Re=tn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(n=>setTimeout(n,Math.min(1e3*2**t,15e3)))}})}return Re}function at(e,t,n,r){return an().subscribe({query:e.toString(),variables:t},{next:i=>{i.data&&n(i.data)},error:i=>r?.(i),complete:()=>{}})}const Oe=new Set;function Ht(){for(const e of Oe)e()}window.addEventListener("popstate",Ht);function De(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),Ht())}function ln(){const[,e]=H(0);return V(()=>{const t=()=>e(n=>n+1);return Oe.add(t),()=>{Oe.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const cn=["/graphql","/login","/logout","/api/"];function dn(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const r=t.target?.closest("a");if(!r||r.target||r.hasAttribute("download"))return;const i=new URL(r.href,location.href);i.origin===location.origin&&(cn.some(s=>i.pathname===s||i.pathname.startsWith(s))||(t.preventDefault(),De(i.pathname+i.search)))})}function un(e){return"/projects/"+encodeURIComponent(e)}function xe(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function lt(e,t=Date.now()){if(!e)return"never";const n=Math.round((t-new Date(e).getTime())/1e3);return n<60?`${Math.max(n,0)} s ago`:n<3600?`${Math.round(n/60)} min ago`:n<86400?`${Math.round(n/3600)} h ago`:`${Math.round(n/86400)} d ago`}function Mt(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function ct(e){const t=Mt(e);return e>0?"+"+t:t}function hn(e){return e.split(":").slice(2).join(":")||e}class B extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}}new B(`
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}
    `,{fragmentName:"RowFields"});new B(`
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}
    `,{fragmentName:"ViewFields"});const fn=new B(`
    query ProjectsDashboard($after: String) {
  projects(first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      databaseId
      name
      repoUrl
      visibility
      defaultBranch
      lastSyncedAt
      lastSyncError
      syncState
      rows: experiments(first: 1) {
        totalCount
      }
      commits: experiments(first: 1, filter: {kinds: [COMMIT]}) {
        totalCount
      }
      running: experiments(first: 5, filter: {kinds: [LIVE], statuses: [RUNNING]}) {
        totalCount
        nodes {
          id
          name
          lastStep
          lastEventAt
        }
      }
    }
  }
}
    `),pn=new B(`
    query TableProject($name: String!, $includeHidden: Boolean!) {
  project(name: $name) {
    id
    databaseId
    name
    defaultBranch
    visibility
    syncState
    lastSyncedAt
    lastSyncError
    branches(includeHidden: $includeHidden) {
      name
      folded
      hidden
      ownCommits
    }
    tags {
      name
    }
    columns {
      id
      kind
      file
      path
      type
    }
    columnGoals {
      column
      goal
    }
    views {
      ...ViewFields
    }
  }
}
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`),mn=new B(`
    query ViewGoals($projectId: ID!, $name: String!) {
  node(id: $projectId) {
    ... on Project {
      view(name: $name) {
        id
        goals {
          column
          goal
        }
      }
    }
  }
}
    `),_n=new B(`
    query BaselineRow($id: ID!, $columns: [String!]) {
  node(id: $id) {
    ... on Experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),gn=new B(`
    query TableRows($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
  node(id: $projectId) {
    ... on Project {
      experiments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RowFields
          commit {
            committedAt
            branches
          }
        }
      }
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),yn=new B(`
    query TableRowsNested($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
  node(id: $projectId) {
    ... on Project {
      experiments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RowFields
          commit {
            committedAt
            branches
            experiments {
              ...RowFields
            }
          }
        }
      }
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),wn=new B(`
    mutation HideRows($input: HideRowsInput!) {
  hideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    `),bn=new B(`
    mutation UnhideRows($input: HideRowsInput!) {
  unhideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    `),vn=new B(`
    mutation SaveView($input: SaveViewInput!) {
  saveView(input: $input) {
    view {
      ...ViewFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`),Sn=new B(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `);new B(`
    mutation SetColumnGoal($input: SetColumnGoalInput!) {
  setColumnGoal(input: $input) {
    columnGoal {
      column
      goal
    }
    errors {
      code
      message
    }
  }
}
    `);const kn=new B(`
    subscription TableExperimentEvents($projectId: ID!, $columns: [String!]) {
  experimentEvents(projectId: $projectId) {
    change
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),xn=new B(`
    subscription TableLiveMetrics($projectId: ID!, $columns: [String!]) {
  liveMetrics(projectId: $projectId) {
    type
    step
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`);function Ie(e){V(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function $n(){return Ie("Not found"),o("section",{children:[o("h1",{children:"Not found"}),o("p",{children:["No page here. ",o("a",{href:"/",children:"All projects"})]})]})}function Ne(e){return Ie(e.title),o("section",{children:[o("h1",{children:e.title}),o("p",{children:[e.what," is not built into the dashboard yet; the ",o("a",{href:"/graphql",children:"GraphQL API"})," has it."]})]})}function En(e){return o("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?o("p",{children:[e.what," does not exist or you may not read it."]}):o("p",{children:[e.what," is not public. ",o("a",{href:ke(),children:"Sign in"})," to see it."]})})}function Pt(e){const t=e.error instanceof Error?e.error.message:String(e.error);return o("div",{class:"notice error",role:"alert",children:o("p",{children:t})})}const In=15e3;function Tn(e){Ie("Projects");const[t,n]=H(null),[r,i]=H(0),[s,d]=H(null),[c,u]=H(null);return V(()=>{let a=!1;const m=async()=>{try{const l=[];let y=null,_=0,k=!1;for(let v=0;v<20;v++){const f=await z(fn,{after:y});if(l.push(...f.projects.nodes),_=f.projects.totalCount,k=f.projects.pageInfo.hasNextPage,y=f.projects.pageInfo.endCursor,!k)break}if(a)return;n(l),i(_),d(k?y:null),u(null)}catch(l){a||u(l)}};m();const g=setInterval(()=>{m()},In);return()=>{a=!0,clearInterval(g)}},[]),o("section",{"aria-labelledby":"projects-title",children:[o("h1",{id:"projects-title",children:"Projects"}),c?o(Pt,{error:c}):null,e.session?null:o("p",{class:"muted",children:["Signed out: only public projects are listed. ",o("a",{href:ke("/"),children:"Sign in"})," to see yours."]}),t===null?o("p",{class:"muted",children:"Loading projects…"}):t.length===0?o("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):o(Z,{children:[o("table",{class:"projects","data-testid":"projects",children:[o("caption",{class:"sr-only",children:[r," projects"]}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Project"}),o("th",{scope:"col",children:"Last sync"}),o("th",{scope:"col",children:"State"}),o("th",{scope:"col",class:"num",children:"Commits"}),o("th",{scope:"col",class:"num",children:"Rows"}),o("th",{scope:"col",children:"Running live experiments"})]})}),o("tbody",{children:t.map(a=>o("tr",{"data-testid":"project","data-project":a.name,children:[o("th",{scope:"row",children:[o("a",{href:un(a.name),children:a.name}),o("div",{class:"muted small",title:a.repoUrl,children:[a.visibility.toLowerCase()," · ",a.defaultBranch??"no default branch"]})]}),o("td",{title:xe(a.lastSyncedAt),children:lt(a.lastSyncedAt)}),o("td",{children:[o("span",{class:`badge sync-${a.syncState.toLowerCase()}`,children:a.syncState.toLowerCase()}),a.lastSyncError?o("div",{class:"sync-error","data-testid":"sync-error",children:a.lastSyncError}):null]}),o("td",{class:"num",children:a.commits.totalCount}),o("td",{class:"num","data-testid":"row-count",children:a.rows.totalCount}),o("td",{"data-testid":"running",children:a.running.totalCount===0?o("span",{class:"muted",children:"none"}):o("ul",{class:"running",children:[a.running.nodes.map(m=>o("li",{children:[o("span",{class:"live-dot","aria-hidden":"true"}),m.name??m.id," · step ",m.lastStep??0," · ",lt(m.lastEventAt)]},m.id)),a.running.totalCount>a.running.nodes.length?o("li",{class:"muted",children:["and ",a.running.totalCount-a.running.nodes.length," more"]}):null]})})]},a.id))})]}),s?o("p",{class:"muted",children:["Showing the first ",t.length," of ",r," projects."]}):null]})]})}const Cn=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],An=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],Rn={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function Ot(e){const t=e.filter(r=>r.kind==="METRIC").map(r=>r.id),n=e.filter(r=>r.kind==="PARAM").map(r=>r.id);return t.length+n.length<=40?[...t,...n]:[...t.slice(0,20),...n.slice(0,20)]}function dt(e){return{columns:Ot(e.columns),sort:null,git:{...Rn},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function le(e){const t={},n=e.git;n.branch&&(t.branch=n.branch),n.onBranch&&(t.onBranch=n.onBranch),n.tag&&(t.tag=n.tag),n.detached&&(t.detached=n.detached==="only"),n.author.trim()&&(t.author=n.author.trim()),n.message.trim()&&(t.message=n.message.trim());const r=e.conditions.filter(i=>i.column);return r.length&&(t.columns=r),e.showHidden&&(t.includeHidden=!0),t}function ye(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function ut(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function se(e){return typeof e=="string"?e:""}function ht(e,t,n,r=[]){const i=new Set(t.columns.map(l=>l.id)),s=e.filter??{},c=(Array.isArray(e.order)?e.order:[])[0];let u=null;if(c){const l=c.direction==="ASC"?"ASC":"DESC";typeof c.column=="string"&&c.column?u={key:c.column,direction:l}:typeof c.field=="string"&&c.field&&(u={key:"field:"+c.field,direction:l})}const a=s.detached===!0?"only":s.detached===!1?"none":"",m={};for(const l of r)l.goal&&(m[l.column]=l.goal);const g=e.columns.filter(l=>i.has(l));return{...n,columns:g.length?g:Ot(t.columns),sort:u,git:{branch:se(s.branch),onBranch:se(s.onBranch),tag:se(s.tag),detached:a,author:se(s.author),message:se(s.message)},conditions:Array.isArray(s.columns)?s.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:n.deltas&&e.baseline!==null,viewGoals:m,view:e.name}}function Nn(e,t){const n=new Map;for(const r of e.columnGoals)r.goal&&n.set(r.column,r.goal);for(const[r,i]of Object.entries(t.viewGoals))n.set(r,i);return n}function jn(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function Hn(e,t){const n=new URLSearchParams;n.set("filter",JSON.stringify(le(t)));const r=ye(t.sort);r&&n.set("orderBy",JSON.stringify(r));for(const i of t.columns)n.append("columns",i);return`/api/projects/${e}/experiments.csv?${n.toString()}`}function Mn(e){const{project:t,state:n,update:r}=e,i=a=>r({git:{...n.git,...a}}),s=t.branches.filter(a=>n.showHidden||!a.hidden),d=n.conditions,c=(a,m)=>r({conditions:d.map((g,l)=>l===a?{...g,...m}:g)}),u=d.length+Object.values(n.git).filter(a=>a!=="").length;return o("details",{class:"panel","data-testid":"filters",children:[o("summary",{children:["Filters",u?` (${u})`:""]}),o("div",{class:"panel-body",children:[o("fieldset",{children:[o("legend",{children:"Git"}),o("label",{children:["Branch",o("select",{value:n.git.branch,onChange:a=>i({branch:a.currentTarget.value}),"data-testid":"filter-branch",children:[o("option",{value:"",children:"any"}),s.map(a=>o("option",{value:a.name,children:a.name},a.name))]})]}),o("label",{children:["Commits on branch",o("select",{value:n.git.onBranch,onChange:a=>i({onBranch:a.currentTarget.value}),children:[o("option",{value:"",children:"any"}),s.map(a=>o("option",{value:a.name,children:a.name},a.name))]})]}),o("label",{children:["Tag",o("select",{value:n.git.tag,onChange:a=>i({tag:a.currentTarget.value}),children:[o("option",{value:"",children:"any"}),t.tags.map(a=>o("option",{value:a.name,children:a.name},a.name))]})]}),o("label",{children:["Detached",o("select",{value:n.git.detached,onChange:a=>i({detached:a.currentTarget.value}),children:[o("option",{value:"",children:"shown"}),o("option",{value:"only",children:"only"}),o("option",{value:"none",children:"left out"})]})]}),o("label",{children:["Author",o("input",{type:"search",value:n.git.author,onChange:a=>i({author:a.currentTarget.value})})]}),o("label",{children:["Message",o("input",{type:"search",value:n.git.message,onChange:a=>i({message:a.currentTarget.value})})]})]}),o("fieldset",{children:[o("legend",{children:"Values"}),d.map((a,m)=>o("div",{class:"condition","data-testid":"condition",children:[o("label",{children:[o("span",{class:"sr-only",children:["Column of condition ",m+1]}),o("select",{value:a.column,onChange:g=>c(m,{column:g.currentTarget.value}),children:t.columns.map(g=>o("option",{value:g.id,children:g.id},g.id))})]}),o("label",{children:[o("span",{class:"sr-only",children:["Operator of condition ",m+1]}),o("select",{value:a.op,onChange:g=>c(m,{op:g.currentTarget.value}),children:Cn.map(g=>o("option",{value:g.op,children:g.label},g.op))})]}),a.op!=="EXISTS"?o("label",{children:[o("span",{class:"sr-only",children:["Value of condition ",m+1]}),o("input",{type:"text",value:a.value===null||a.value===void 0?"":typeof a.value=="string"?a.value:JSON.stringify(a.value),onChange:g=>c(m,{value:jn(g.currentTarget.value)})})]}):null,o("button",{type:"button","aria-label":`Remove condition ${m+1}`,onClick:()=>r({conditions:d.filter((g,l)=>l!==m)}),children:"✕"})]},m)),o("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const a=t.columns.find(m=>m.kind==="METRIC")??t.columns[0];a&&r({conditions:[...d,{column:a.id,op:"GT",value:null}]})},children:"Add condition"})]}),u?o("button",{type:"button",onClick:()=>r({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function Pn(e){const{project:t,state:n,update:r}=e,[i,s]=H(""),d=new Set(n.columns),c=new Map(t.columnGoals.map(_=>[_.column,_.goal])),u=(_,k)=>{const v=[...n.columns],f=v.indexOf(_),w=f+k;f<0||w<0||w>=v.length||([v[f],v[w]]=[v[w],v[f]],r({columns:v}))},a=(_,k)=>r({columns:k?[...n.columns,_]:n.columns.filter(v=>v!==_)}),m=(_,k)=>{const v={};for(const[f,w]of Object.entries(n.viewGoals))f!==_&&(v[f]=w);(k==="HIGHER"||k==="LOWER")&&(v[_]=k),r({viewGoals:v})},g=i.trim().toLowerCase(),l=new Map(t.columns.map(_=>[_.id,_])),y=[...n.columns.map(_=>l.get(_)).filter(_=>_!==void 0),...t.columns.filter(_=>!d.has(_.id))].filter(_=>!g||_.id.toLowerCase().includes(g));return o("details",{class:"panel","data-testid":"columns-chooser",children:[o("summary",{children:["Columns (",n.columns.length,"/",t.columns.length,")"]}),o("div",{class:"panel-body columns-body",children:[o("div",{class:"row-controls",children:[o("label",{children:["Find",o("input",{type:"search",value:i,onInput:_=>s(_.currentTarget.value)})]}),o("button",{type:"button",onClick:()=>r({columns:t.columns.map(_=>_.id)}),children:"Show all"}),o("button",{type:"button",onClick:()=>r({columns:[]}),children:"Hide all"})]}),o("ul",{class:"columns-list",children:y.map(_=>{const k=d.has(_.id),v=n.viewGoals[_.id]??"";return o("li",{"data-testid":"column-option","data-column":_.id,children:[o("label",{class:"grow",children:[o("input",{type:"checkbox",checked:k,onChange:f=>a(_.id,f.currentTarget.checked)}),o("span",{class:`kind kind-${_.kind.toLowerCase()}`,children:_.kind==="METRIC"?"M":"P"})," ",_.id]}),o("label",{children:[o("span",{class:"sr-only",children:["Goal of ",_.id]}),o("select",{value:v,onChange:f=>m(_.id,f.currentTarget.value),children:[o("option",{value:"",children:c.get(_.id)?`project: ${(c.get(_.id)??"").toLowerCase()}`:"no goal"}),o("option",{value:"HIGHER",children:"higher is better"}),o("option",{value:"LOWER",children:"lower is better"})]})]}),o("button",{type:"button",disabled:!k,"aria-label":`Move ${_.id} left`,onClick:()=>u(_.id,-1),children:"↑"}),o("button",{type:"button",disabled:!k,"aria-label":`Move ${_.id} right`,onClick:()=>u(_.id,1),children:"↓"})]},_.id)})})]})]})}function On(e){const[t,n]=H(""),[r,i]=H(!1),[s,d]=H(null),c=e.views.find(u=>u.name===e.current)??null;return o("div",{class:"views","data-testid":"views",children:[o("label",{children:["View",o("select",{value:e.current??"","data-testid":"view-select",onChange:u=>e.pick(u.currentTarget.value||null),children:[o("option",{value:"",children:"(none)"}),e.views.map(u=>o("option",{value:u.name,children:[u.name,u.shared?" (shared)":""]},u.id))]})]}),c?o("button",{type:"button",onClick:()=>{e.remove(c).then(d)},children:"Delete view"}):null,e.signedIn?o("form",{class:"save-view",onSubmit:u=>{u.preventDefault();const a=t.trim()||e.current||"";if(!a){d("Name the view");return}e.save(a,r).then(m=>{d(m??`Saved “${a}”`),m||n("")})},children:[o("label",{children:["Save as",o("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:u=>n(u.currentTarget.value),"data-testid":"view-name"})]}),o("label",{children:[o("input",{type:"checkbox",checked:r,onChange:u=>i(u.currentTarget.checked)})," shared"]}),o("button",{type:"submit",children:"Save view"})]}):null,s?o("span",{class:"muted",role:"status",children:s}):null]})}const Dn=9e4,Ln=500,Bn=20;function Fn(e,t,n){const r=4+e,i=r+2+(t?1+Bn*r:0),s=Math.floor(Dn/i);return Math.max(5,Math.min(n?100:Ln,s))}function qn(e,t){const{commit:n,...r}=e,i={...r,committedAt:n?.committedAt,branches:n?.branches};return t&&e.kind==="COMMIT"&&(i.children=n?.experiments?[...n.experiments]:[]),i}class Un{query;segments;onChange;stopped=!1;itemsCache=null;collapsedBranches=new Set;collapsedRows=new Set;includeHidden;constructor(t,n,r){this.query=t,this.segments=n,this.onChange=r,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}async load(t){if(!(t.loading||!t.hasNext&&t.total!==null||this.stopped)){t.loading=!0;try{const n={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:Fn(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},r=this.query.nested?await z(yn,n):await z(gn,n);if(this.isStopped())return;const i=r.node;if(!i||!("experiments"in i))throw new Error("the project is gone");const s=i.experiments,d=new Set(t.rows.map(c=>c.id));for(const c of s.nodes)d.has(c.id)||t.rows.push(qn(c,this.query.nested));t.total=Math.max(s.totalCount,t.rows.length),t.cursor=s.pageInfo.endCursor,t.hasNext=s.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(n){t.error=n instanceof Error?n.message:String(n),t.hasNext=!1,t.total=t.rows.length}finally{t.loading=!1,this.changed()}}}items(){if(this.itemsCache)return this.itemsCache;const t=[];for(const n of this.segments){if(n.label!==null&&(t.push({t:"branch",key:"b:"+n.key,seg:n}),this.collapsedBranches.has(n.key)))continue;for(const i of n.rows)if(!(!this.includeHidden&&i.hidden)&&(t.push({t:"row",key:n.key+":"+i.id,row:i,seg:n,depth:0}),i.children&&!this.collapsedRows.has(i.id)))for(const s of i.children)!this.includeHidden&&s.hidden||t.push({t:"child",key:n.key+":"+i.id+":"+s.id,row:s,parent:i,depth:1});const r=n.total===null?1:n.error?0:n.total-n.rows.length;for(let i=0;i<r;i++)t.push({t:"more",key:`m:${n.key}:${i}`,seg:n})}return this.itemsCache=t,t}*places(t){for(const n of this.segments)for(let r=0;r<n.rows.length;r++){const i=n.rows[r];if(i&&(i.id===t&&(yield{list:n.rows,index:r}),i.children)){const s=i.children.findIndex(d=>d.id===t);s>=0&&(yield{list:i.children,index:s})}}}upsert(t,n){let r=!1;for(const{list:i,index:s}of this.places(t.id)){const d=i[s];d&&(i[s]={...d,...t}),r=!0}return!r&&n&&(r=this.place(t)),r&&this.changed(),r}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let r=!1;for(const s of this.segments)for(const d of s.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),r=!0);if(r)return!0;const i=this.segments.find(s=>s.key==="detached");return t.detached&&i?(i.rows.unshift({...t}),i.total=(i.total??0)+1,!0):!1}const n=this.segments[0];return!n||this.query.nested?!1:(n.rows.unshift({...t}),n.total!==null&&(n.total+=1),!0)}patch(t,n){let r=!1;for(const{list:i,index:s}of this.places(t)){const d=i[s];d&&(i[s]={...d,...n}),r=!0}r&&this.changed()}remove(t){let n=!1;for(const r of this.segments){const i=r.rows.length;r.rows=r.rows.filter(s=>s.id!==t),r.rows.length!==i&&(n=!0,r.total!==null&&(r.total-=i-r.rows.length));for(const s of r.rows)s.children?.some(d=>d.id===t)&&(s.children=s.children.filter(d=>d.id!==t),n=!0)}n&&this.changed()}find(t){for(const{list:n,index:r}of this.places(t))return n[r]??null;return null}}const we=32,ft=12,Vn=60,pt=2500;function Gn(e,t,n){const r=le(t),i=(u,a,m,g)=>({key:u,label:a,branch:m,filter:g,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!n)return[i("all",null,null,r)];const s={...r,kinds:["COMMIT"]};if(r.detached===!0)return[i("detached","Detached runs",null,r)];if(r.branch)return[i("branch:"+r.branch,r.branch,r.branch,s)];if(r.onBranch)return[i("on:"+r.onBranch,`commits on ${r.onBranch}`,null,s)];if(r.tag)return[i("tag:"+r.tag,`tag ${r.tag}`,null,s)];const c=e.branches.filter(u=>!u.folded&&(t.showHidden||!u.hidden)).sort((u,a)=>u.name===e.defaultBranch?-1:a.name===e.defaultBranch?1:u.name<a.name?-1:1).map(u=>i("branch:"+u.name,u.name,u.name,{...s,branch:u.name}));return r.detached!==!1&&c.push(i("detached","Detached runs",null,{...r,detached:!0})),c}function Wn(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const mt=new WeakMap;function _t(e){let t=mt.get(e);return t||(t=new Map(e.values.map(n=>[n.column,n.value])),mt.set(e,t)),t}async function gt(e,t){try{const r=(await z(mn,{projectId:e,name:t})).node;return r&&"view"in r?r.view?.goals??[]:[]}catch{return[]}}function zn(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function Jn(e){return(e??"").split(`
`,1)[0]??""}const Qn=[36,250,124,120,120,240,140],Xn=116,Kn=84;function Yn(e){const t=[...Qn,...e.map(()=>Xn),Kn];return{grid:t.map(n=>`${n}px`).join(" "),width:t.reduce((n,r)=>n+r,0)}}function Zn(e){Ie(e.name);const[t,n]=H(null),[r,i]=H(!1),[s,d]=H(null),[c,u]=H(null),[a,m]=H(null),[,g]=H(0),[l,y]=H(new Set),[_,k]=H(null),v=At(new Map),f=rt(async()=>{try{const h=await z(pn,{name:e.name,includeHidden:!0});return h.project?(n(h.project),h.project):(i(!0),null)}catch(h){return h instanceof ge&&(h.has("UNAUTHENTICATED")||h.has("FORBIDDEN")||h.has("NOT_FOUND"))?i(!0):d(h),null}},[e.name]);V(()=>{f().then(h=>{if(!h)return;const p=dt(h),b=new URLSearchParams(location.search).get("view"),x=b?h.views.find($=>$.name===b):void 0;if(!x){u(p);return}gt(h.id,x.name).then($=>u(ht(x,h,p,$)))})},[f]);const w=c?c.groupByBranch&&ut(c):!1,E=c&&t?JSON.stringify([t.id,le(c),ye(c.sort),c.columns,w,t.branches]):null;V(()=>{if(!t||!c||E===null)return;const h=new Un({projectId:t.id,filter:le(c),orderBy:ye(c.sort),columns:c.columns,nested:w},Gn(t,c,w),()=>g(p=>p+1));return m(h),()=>h.stop()},[E]),V(()=>{a&&(a.includeHidden=!!c?.showHidden),a?.changed()},[a,c?.showHidden]),V(()=>{if(!a||!t)return;const h={projectId:t.id,columns:a.query.columns},p=Object.keys(a.query.filter).every(S=>S==="includeHidden"),b=S=>{v.current.set(S,Date.now()+pt),setTimeout(()=>{const T=v.current.get(S);T!==void 0&&T<=Date.now()&&(v.current.delete(S),a.changed())},pt+50)},x=at(kn,h,S=>{const T=S.experimentEvents;if(T.change==="REMOVED"||!T.experiment){a.remove(T.experimentId);return}a.upsert(T.experiment,p||T.experiment.kind==="LIVE")&&b(T.experimentId)}),$=at(xn,h,S=>{const T=S.liveMetrics;a.upsert(T.experiment,!0)&&b(T.experimentId)});return()=>{x(),$()}},[a,t]);const N=c?.baselineId??null,M=c?JSON.stringify(c.columns):"";V(()=>{if(!N||!c)return;let h=!1;return z(_n,{id:N,columns:c.columns}).then(p=>{const b=p.node;if(h||!zn(b))return;const x=b;u($=>$&&$.baselineId===N?{...$,baseline:x}:$)}).catch(p=>k(p instanceof Error?p.message:String(p))),()=>{h=!0}},[N,M]);const A=rt(h=>{u(p=>p&&{...p,...h,view:"view"in h?h.view??null:p.view})},[]);if(r)return o(En,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(s)return o(Pt,{error:s});if(!t||!c||!a)return o("p",{class:"muted",children:["Loading ",e.name,"…"]});const Q=Nn(t,c),D=e.session!==null,G=async h=>{const p=t.views.find($=>$.name===h),b=new URLSearchParams(location.search);if(p){const $=await gt(t.id,p.name);u(ht(p,t,c,$)),b.set("view",p.name)}else u({...dt(t),view:null}),b.delete("view");const x=b.toString();De(location.pathname+(x?"?"+x:""),!0)},L=async(h,p)=>{try{const b=await z(vn,{input:{projectId:t.id,name:h,shared:p,columns:c.columns,filter:le(c),order:ye(c.sort),baseline:c.baselineId,goals:Object.entries(c.viewGoals).map(([S,T])=>({column:S,goal:T})),includeHidden:c.showHidden}}),x=b.saveView.errors[0];if(x)return`${x.code}: ${x.message}`;const $=b.saveView.view;if($){const S=[...t.views.filter(X=>X.id!==$.id),$];n({...t,views:S}),u({...c,view:$.name});const T=new URLSearchParams(location.search);T.set("view",$.name),De(location.pathname+"?"+T.toString(),!0)}return null}catch(b){return b instanceof Error?b.message:String(b)}},W=async h=>{try{const b=(await z(Sn,{input:{id:h.id}})).deleteView.errors[0];return b?`${b.code}: ${b.message}`:(n({...t,views:t.views.filter(x=>x.id!==h.id)}),await G(null),`Deleted “${h.name}”`)}catch(p){return p instanceof Error?p.message:String(p)}},ee=async(h,p,b)=>{try{const x={input:{projectId:t.id,ids:h,branches:p},columns:a.query.columns},$=b?(await z(bn,x)).unhideRows:(await z(wn,x)).hideRows,S=$.errors[0];if(S){k(`${S.code}: ${S.message}`);return}for(const T of $.experiments)a.patch(T.id,{hidden:T.hidden,autoHidden:T.autoHidden});p.length&&await f(),y(new Set),k(`${b?"Shown":"Hidden"}: ${h.length+p.length}`)}catch(x){k(x instanceof Error?x.message:String(x))}},re=[...l].map(h=>a.find(h)).filter(h=>h!==null),I=ut(c);return o("section",{class:"table-page","aria-labelledby":"table-title",children:[o("div",{class:"title-bar",children:[o("h1",{id:"table-title",children:t.name}),o("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",xe(t.lastSyncedAt)," ·"," ",o("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?o("span",{class:"sync-error",children:t.lastSyncError}):null,o("a",{class:"csv",href:Hn(t.databaseId,c),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),o("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[o(On,{views:t.views,current:c.view,signedIn:D,pick:h=>{G(h)},save:L,remove:W}),o(Mn,{project:t,state:c,update:A}),o(Pn,{project:t,state:c,update:A}),o("label",{title:I?"":"A sort by a value or a value filter lists rows flat",children:[o("input",{type:"checkbox",checked:c.groupByBranch&&I,disabled:!I,onChange:h=>A({groupByBranch:h.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),o("label",{children:[o("input",{type:"checkbox",checked:c.showHidden,onChange:h=>A({showHidden:h.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),o("label",{children:[o("input",{type:"checkbox",checked:c.deltas,disabled:!c.baseline,onChange:h=>A({deltas:h.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),o("div",{class:"selection-bar","aria-live":"polite",children:[o("span",{children:l.size?`${l.size} selected`:"Select rows to hide them or to use one as the baseline."}),l.size?o(Z,{children:[o("button",{type:"button",disabled:!D,onClick:()=>{ee([...l],[],!1)},children:"Hide selected"}),o("button",{type:"button",disabled:!D,onClick:()=>{ee([...l],[],!0)},children:"Unhide selected"}),o("button",{type:"button",disabled:re.length!==1,onClick:()=>A({baseline:re[0]??null,baselineId:re[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),o("button",{type:"button",onClick:()=>y(new Set),children:"Clear selection"})]}):null,c.baseline?o("button",{type:"button",onClick:()=>A({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,_?o("span",{class:"muted",role:"status",children:_}):null]}),o(er,{project:t,model:a,state:c,goals:Q,selected:l,flash:v.current,signedIn:D,onSelect:(h,p)=>{const b=new Set(l);p?b.add(h):b.delete(h),y(b)},onSort:h=>{const p=c.sort,b=p?.key!==h?{key:h,direction:"DESC"}:p.direction==="DESC"?{key:h,direction:"ASC"}:null;A({sort:b})},onHide:(h,p)=>{ee([h.id],[],p)},onHideBranch:h=>{ee([],[h],!1)}})]})}function er(e){const{model:t,state:n}=e,r=At(null),[i,s]=H(0),[d,c]=H(600),u=t.items(),{grid:a,width:m}=Ve(()=>Yn(n.columns),[n.columns]);V(()=>{const f=r.current;if(!f)return;const w=new ResizeObserver(()=>c(f.clientHeight));return w.observe(f),c(f.clientHeight),()=>w.disconnect()},[]),V(()=>{r.current&&(r.current.scrollTop=0),s(0)},[t]);const g=Math.max(0,Math.floor(i/we)-ft),l=Math.min(u.length,Math.ceil((i+d)/we)+ft);V(()=>{const f=new Set,w=Math.min(u.length,l+Vn);for(let E=g;E<w;E++){const N=u[E];N?.t==="more"&&!N.seg.loading&&f.add(N.seg)}for(const E of f)t.load(E)});const y=n.baseline?2:1,_=[];for(let f=g;f<l;f++){const w=u[f];w&&_.push(o(tr,{item:w,index:f,rowIndex:f+y+1,...e},w.key))}const k=f=>n.sort?.key===f?n.sort.direction==="ASC"?"ascending":"descending":"none",v=(f,w,E,N="")=>o("div",{role:"columnheader",class:`th ${N}`,"aria-sort":k(f),"data-testid":"column-header","data-column":f,children:o("button",{type:"button",class:"sort",title:E,onClick:()=>e.onSort(f),children:[o("span",{children:w}),o("span",{class:"arrow","aria-hidden":"true",children:k(f)==="ascending"?"▲":k(f)==="descending"?"▼":""})]})});return o("div",{class:"table-scroll",ref:r,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":u.length+y,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:f=>s(f.currentTarget.scrollTop),style:{"--grid":a,"--table-w":`${m}px`},children:[o("div",{role:"rowgroup",class:"thead",children:[o("div",{role:"row",class:"tr head","aria-rowindex":1,children:[o("div",{role:"columnheader",class:"th sticky0",children:o("span",{class:"sr-only",children:"Select"})}),o("div",{role:"columnheader",class:"th sticky1",children:"Experiment"}),o("div",{role:"columnheader",class:"th",children:"Status"}),An.map(f=>v("field:"+f.field,f.label,`Sort by ${f.label.toLowerCase()}`)),n.columns.map(f=>{const w=e.goals.get(f);return v(f,hn(f),`${f}${w?` (${w.toLowerCase()} is better)`:""}`,f.startsWith("metric:")?"metric num":"param num")}),o("div",{role:"columnheader",class:"th",children:o("span",{class:"sr-only",children:"Actions"})})]}),n.baseline?o(Dt,{row:n.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1}):null]}),o("div",{role:"rowgroup",class:"tbody",style:{height:`${u.length*we}px`},children:_}),u.length===0?o("p",{class:"empty muted",children:"No rows match."}):null]})}function tr(e){const{item:t}=e,n={transform:`translateY(${e.index*we}px)`};if(t.t==="branch"){const r=t.seg,i=e.model.collapsedBranches.has(r.key),s=r.total===null?"…":String(r.total);return o("div",{role:"row",class:"tr branch",style:n,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":r.branch??r.key,children:o("div",{role:"cell",class:"td span",children:[o("button",{type:"button",class:"twisty","aria-expanded":!i,"aria-label":`${i?"Expand":"Collapse"} ${r.label??""}`,onClick:()=>{i?e.model.collapsedBranches.delete(r.key):e.model.collapsedBranches.add(r.key),e.model.changed()},children:i?"▸":"▾"}),o("strong",{children:r.label}),o("span",{class:"muted small",children:[s," ",r.key==="detached"?"rows":"commits"]}),r.branch&&e.signedIn?o("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(r.branch??""),"aria-label":`Hide branch ${r.branch}`,children:"Hide branch"}):null,r.error?o("span",{class:"sync-error",children:r.error}):null]})})}return t.t==="more"?o("div",{role:"row",class:"tr more",style:n,"aria-rowindex":e.rowIndex,"data-testid":"placeholder-row",children:o("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):o(Dt,{...e,row:t.row,depth:t.depth,style:n})}function Dt(e){const{row:t,state:n,model:r}=e,i=Wn(t),s=_t(t),d=n.baseline?_t(n.baseline):null,c=e.baseline===!0||n.baseline?.id===t.id,u=(e.flash.get(t.id)??0)>Date.now(),a=r.collapsedRows.has(t.id),m=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",u?"flash":"",e.baseline?"baseline":""].join(" ");return o("div",{role:"row",class:m,style:e.style,"aria-rowindex":e.rowIndex,"aria-selected":e.selected.has(t.id),"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[o("div",{role:"cell",class:"td sticky0",children:o("input",{type:"checkbox","aria-label":`Select ${i}`,checked:e.selected.has(t.id),onChange:g=>e.onSelect(t.id,g.currentTarget.checked)})}),o("div",{role:"cell",class:"td sticky1 name","data-testid":"row-name",children:[e.depth===1?o("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?o("button",{type:"button",class:"twisty","aria-expanded":!a,"aria-label":`${a?"Show":"Hide"} the ${t.children.length} experiments of ${i}`,onClick:()=>{a?r.collapsedRows.delete(t.id):r.collapsedRows.add(t.id),r.changed()},children:a?"▸":"▾"}):o("span",{class:"twisty-space","aria-hidden":"true"}),o("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:i}),c?o("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?o("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?o("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(g=>o("span",{class:"chip tag",children:g},g))]}),o("div",{role:"cell",class:"td","data-testid":"status",children:o("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),o("div",{role:"cell",class:"td ellipsis",children:t.branches?.[0]??""}),o("div",{role:"cell",class:"td ellipsis",children:t.author?.name??""}),o("div",{role:"cell",class:"td ellipsis",title:t.message??"",children:Jn(t.message)}),o("div",{role:"cell",class:"td ellipsis",title:xe(t.committedAt??t.createdAt),children:xe(t.committedAt??t.createdAt).replace(" UTC","")}),n.columns.map(g=>{const l=s.get(g),y=d?.get(g);let _=Mt(l),k="td num",v;if(d&&!c&&typeof l=="number"&&typeof y=="number"){const f=l-y;n.deltas&&(_=ct(f));const w=e.goals.get(g);if(w&&f!==0){const E=w==="HIGHER"?f>0:f<0;k+=E?" better":" worse",v=`${E?"better":"worse"} than the baseline (${ct(f)})`}}return o("div",{role:"cell",class:k,title:v,"data-column":g,children:_},g)}),o("div",{role:"cell",class:"td actions",children:e.signedIn&&!e.baseline?o("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${i}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}function nr(e,t){if(e==="/"||e==="")return o(Tn,{session:t});const n=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(n?.[1]&&n[2])return o(Ne,{title:`Model ${decodeURIComponent(n[2])}`,what:"A model's page"});const r=/^\/projects\/([^/]+)\/?$/.exec(e);if(r?.[1]){const i=decodeURIComponent(r[1]);return o(Zn,{name:i,session:t},i)}return e==="/models"?o(Ne,{title:"Models",what:"The models dashboard"}):e==="/settings/tokens"?o(Ne,{title:"Access tokens",what:"Access tokens"}):o($n,{})}function rr(){const e=ln(),[t,n]=H({loaded:!1});V(()=>{on().then(s=>n({loaded:!0,session:s})).catch(()=>n({loaded:!0,session:null}))},[]);const r=t.loaded?t.session:null,i=s=>(s==="/"?e.path==="/"||e.path.startsWith("/projects/"):e.path.startsWith(s))?"page":void 0;return o(Z,{children:[o("a",{class:"skip",href:"#main",children:"Skip to content"}),o("header",{class:"shell",children:[o("a",{class:"brand",href:"/",children:"gitstudio"}),o("nav",{"aria-label":"Main",children:o("ul",{children:[o("li",{children:o("a",{href:"/","aria-current":i("/"),children:"Projects"})}),o("li",{children:o("a",{href:"/models","aria-current":i("/models"),children:"Models"})}),o("li",{children:o("a",{href:"/settings/tokens","aria-current":i("/settings/tokens"),children:"Tokens"})}),o("li",{children:o("a",{href:"/graphql",children:"GraphiQL"})})]})}),o("div",{class:"who","data-testid":"session",children:t.loaded?r?o(Z,{children:[o("span",{"data-testid":"user",children:r.user}),o("button",{type:"button",onClick:()=>{sn().then(()=>{location.assign(ke("/"))})},children:"Sign out"})]}):o("a",{href:ke(),"data-testid":"sign-in",children:"Sign in"}):null})]}),o("main",{id:"main",tabIndex:-1,children:t.loaded?nr(e.path,r):o("p",{class:"muted",children:"Loading…"})})]})}const je=document.getElementById("app");je&&(dn(je),zt(o(rr,{}),je));
