// Simplified → Traditional Chinese (zh-TW) for server texts: a character table of the vocabulary of policies, the registry and explanations, one character to one; characters not in it stay as written.
/**
 * Why a table and not a library: the explanations are built from fixed phrases plus the labels policy officers write,
 * and the vocabulary is narrow (企业、营业收入、万元 …). Characters whose traditional form depends on the word (发/髮,
 * 里/裡 as in 织里) are mapped to their common form or left alone. Labels written with a character outside the table keep it.
 */
const SIMPLIFIED =
  '万与专业东丝两严个丰临为丽举么义乌乐乔习乡书买乱争于亏云亚产亩亲亿仅从仓仪们价众优会伟传伤伦体余佣侠侣侥侦侧侨俭债倾偿储儿兑党兰关兴养兽内冈册写军农冯冲决况冻净准凉减凑几凤凭凯击划则刚创删别刹剂剑剧劝办务动励劲劳势勋区医华协单卖卢卫却厂厅历厉压厌县参双发变叙叶号叹后吓吕吗启员响哑咨团园围国图圆圣场坏块坚坛坝坟垄垒执扩扫扬扰抚报担拟拥拨择挂挡挣挤挥损换据掷揽摄摆摇携声处备复头夹夺奋奖妆妇妈姜娄娱婴学宁宝实审宪宫宽宾对寻导寿将尔尘尝层属岁岂岗岛岭峡币师帐带帮库应庙废开异弃张弥弯强归当录彻径忆忧怀态总恋恳恶悬惊惯愿戏战户扑托护拣拦拧热营术机杀杂权条来杨极构枪柜标栏树样档桥检楼欢欧残毁气汇汉汤沟没沪泪泽洁洒浅测济浏浓涂润涨渐温湾湿满滚滞灭灯灵灾点炼烟烦烧爱爷牵状犹独献环现玛电画畅疗疮盖盘监盐着睁矿码础确礼祸离种积称税稳穷窃竞笔笼签简类粮纠红约级纪纬纯纲纳纵纷纸纹线练组细织终经结绕绘给络绝统绩续绿维综编缓缘缩缴网罗罚聪联肃胜脑脱腾舰节芦苏范荐荣药获虑虽补袭装观规视览觉订计认讨让议讯记讲许论设访证评识诉词试诗诚话询该详语误说请诸读课谁调谈谋谢谨贝负贡财责贤败货质贩贫购贯贴贵贷贸费贺资赋赔赖赛赞赠赵趋跃践轨转轮软轻载较辅辆辖辞边达过运还这进远违连迟选递逻遗邮邻郑酝释针钟钢钱铁银链销锁锋错键镇长门闭问闲间闻阅队阳阶际陆陈险随隐难雾韩页顶项顺须顾预领频题额风飞饭馆驱驶验骤鱼鲁鸡麦黄齐龙兹庄浔吴绍钞数筹龄输渔赁艺饮';
const TRADITIONAL =
  '萬與專業東絲兩嚴個豐臨為麗舉麼義烏樂喬習鄉書買亂爭於虧雲亞產畝親億僅從倉儀們價眾優會偉傳傷倫體餘傭俠侶僥偵側僑儉債傾償儲兒兌黨蘭關興養獸內岡冊寫軍農馮衝決況凍淨準涼減湊幾鳳憑凱擊劃則剛創刪別剎劑劍劇勸辦務動勵勁勞勢勳區醫華協單賣盧衛卻廠廳歷厲壓厭縣參雙發變敘葉號嘆後嚇呂嗎啟員響啞諮團園圍國圖圓聖場壞塊堅壇壩墳壟壘執擴掃揚擾撫報擔擬擁撥擇掛擋掙擠揮損換據擲攬攝擺搖攜聲處備復頭夾奪奮獎妝婦媽薑婁娛嬰學寧寶實審憲宮寬賓對尋導壽將爾塵嘗層屬歲豈崗島嶺峽幣師帳帶幫庫應廟廢開異棄張彌彎強歸當錄徹徑憶憂懷態總戀懇惡懸驚慣願戲戰戶撲託護揀攔擰熱營術機殺雜權條來楊極構槍櫃標欄樹樣檔橋檢樓歡歐殘毀氣匯漢湯溝沒滬淚澤潔灑淺測濟瀏濃塗潤漲漸溫灣濕滿滾滯滅燈靈災點煉煙煩燒愛爺牽狀猶獨獻環現瑪電畫暢療瘡蓋盤監鹽著睜礦碼礎確禮禍離種積稱稅穩窮竊競筆籠簽簡類糧糾紅約級紀緯純綱納縱紛紙紋線練組細織終經結繞繪給絡絕統績續綠維綜編緩緣縮繳網羅罰聰聯肅勝腦脫騰艦節蘆蘇範薦榮藥獲慮雖補襲裝觀規視覽覺訂計認討讓議訊記講許論設訪證評識訴詞試詩誠話詢該詳語誤說請諸讀課誰調談謀謝謹貝負貢財責賢敗貨質販貧購貫貼貴貸貿費賀資賦賠賴賽贊贈趙趨躍踐軌轉輪軟輕載較輔輛轄辭邊達過運還這進遠違連遲選遞邏遺郵鄰鄭醞釋針鐘鋼錢鐵銀鏈銷鎖鋒錯鍵鎮長門閉問閒間聞閱隊陽階際陸陳險隨隱難霧韓頁頂項順須顧預領頻題額風飛飯館驅駛驗驟魚魯雞麥黃齊龍茲莊潯吳紹鈔數籌齡輸漁賃藝飲';

const TABLE = new Map<string, string>();
for (let i = 0; i < SIMPLIFIED.length; i++) TABLE.set(SIMPLIFIED[i], TRADITIONAL[i]);

/** Replaces each simplified character of the table by its traditional form. */
export function toTraditional(text: string): string {
  let out = '';
  for (const ch of text) out += TABLE.get(ch) ?? ch;
  return out;
}

/** Phrases whose Taiwanese wording differs from a character-by-character conversion. */
const PHRASES: [string, string][] = [
  ['數據', '資料'],
  ['信息', '資訊'],
  ['注冊', '註冊'],
];

/** zh-TW text of a zh-CN server text: characters converted, then the few phrases Taiwan words differently. */
export function zhTW(text: string): string {
  let out = toTraditional(text);
  for (const [from, to] of PHRASES) out = out.split(from).join(to);
  return out;
}
